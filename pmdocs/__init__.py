"""pmdocs: product requirement documents (PRDs) and prototypes as YAML specs in git,
checked for the gaps PRDs usually hide and compiled into a browsable PRD site."""

__version__ = "0.1.0"
