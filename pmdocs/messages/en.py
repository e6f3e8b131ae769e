"""The English catalogue: what to do about each code, the messages' templates, and the words
around them. (The codes' English titles live with the codes, in `pmdocs.issues`.)"""

TITLES: dict[str, str] = {}
"""English titles are the registry's own (`pmdocs.issues.CODES`)."""

ADVICE = {
    "PM100": "Run pmdocs in the folder that holds pmdocs.yml, or create a project with `pmdocs new`.",
    "PM101": "Save the file as UTF-8 text.",
    "PM102": "Fix the YAML at the position shown: indentation, a missing `:`, an unclosed quote or bracket.",
    "PM103": "Merge the two entries or rename one; YAML would silently keep only the last.",
    "PM104": "Add sections such as `pages:`, or delete the file.",
    "PM105": "Start the file with section names (`pages:`, `rules:` …) and indent the items under them.",
    "PM106": "Split the file into several, e.g. one per module.",
    "PM107": "Write the values out instead of repeating them through aliases.",
    "PM108": "Check the file's permissions and links; copy linked files into the project.",
    "PM109": "Write plain YAML: no tags, no `<<` merge keys, one document per file.",
    "PM201": "Check the spelling against the schema; the hint names the closest key.",
    "PM202": "Add the field the message names.",
    "PM203": "Write the value as the field expects: text, a number, a list or a mapping.",
    "PM204": "Put the value in quotes, e.g. `\"no\"` or `\"1.0\"`.",
    "PM205": "Use one of the values the message lists.",
    "PM206": "Use lower-case ASCII letters, digits, `_` and `-`, starting with a letter.",
    "PM207": "Give one of the two items another id.",
    "PM301": "Fix the id, or define the item it refers to.",
    "PM310": "Mark the pages users open directly with `entry: true`.",
    "PM311": "Add a jump to the page from a reachable page, mark it an entry page, or remove it.",
    "PM312": "Add a way out (`on_tap: back` or a jump), or mark the page `terminal: true`.",
    "PM313": "Add a button with `on_tap: close`, or set `dismissible: true`.",
    "PM314": "Add a last jump without `when` as the default.",
    "PM320": "Describe the missing states under the page's `states:`.",
    "PM330": "Add rows for the combinations the message lists, or a last row that catches the rest.",
    "PM331": "Narrow one of the two rows so that every case matches exactly one row.",
    "PM332": "Make the overlapping rows decide the same, or use `hit: first`.",
    "PM333": "Remove the row, or move it above the row that hides it.",
    "PM334": "Remove one of the rows, or make their conditions differ.",
    "PM335": "Use a value from the input's `values` (or within its range).",
    "PM336": "Define the parameter under the `parameters:` of the rule it belongs to.",
    "PM337": "Give the parameter a `default:`, and `min:`/`max:` when it is a number.",
    "PM338": "Write the condition against the rule's inputs so that it can be analysed.",
    "PM339": "Split the rule into smaller rules, or use fewer thresholds.",
    "PM340": "Add `window:` (per day, per campaign, for ever …).",
    "PM341": "Add `subject:` (each user, account, device …).",
    "PM342": "Add `counts: attempt` or `counts: success`.",
    "PM343": "Add the window's `timezone:`, `reset:` or `duration:`.",
    "PM344": "Write the limit as a `limit:` block, so that it is checked.",
    "PM345": "Make the input's values those of the model it takes them from, or leave `values:` out.",
    "PM346": "Write each constraint as `if` … `then` or `never`, and check them for contradictions.",
    "PM347": "Remove the row, or the constraint if the case can happen after all.",
    "PM350": "Say exactly what is meant: a number, a period, a list.",
    "PM360": "Add a transition into the state, or remove it.",
    "PM361": "Add a transition out of the state, or list it under `final:`.",
    "PM362": "Use one of the lifecycle's states.",
    "PM363": "Make the attribute's `values` the lifecycle's states.",
    "PM370": "Use role ids as lanes, or define the role under `roles:`.",
    "PM371": "Add a `next:` arrow into the step.",
    "PM372": "Add a `next:` arrow from the step toward an end step.",
    "PM373": "Label each exit of the decision with `when`.",
    "PM374": "Declare the lane or stage in the flow, or fix its name.",
    "PM375": "Mark one step `kind: start` and one `kind: end`.",
    "PM376": "Move the step to a page its role may open, or add the role to the page's `roles:`.",
    "PM380": "Link the feature to the pages, rules, flows or objects it touches.",
    "PM381": "Name the page in the `pages:` of the feature it belongs to.",
    "PM390": "Use a code `pmdocs codes` lists.",
    "PM391": "Set `output:` to a folder inside the project, e.g. `site`.",
}

MESSAGES = {
    "did_you_mean": "did you mean `{choice}`?",
    # the words that say where in an item a problem is: "page `cart` › element `pay`"
    "context.inside": "{outer} › {inner}",
    "context.named": "{kind} `{name}`",
    "context.numbered": "{kind} {number}",
    "context.settings": "project settings",
    "kind.role": "role",
    "kind.object": "object",
    "kind.flow": "flow",
    "kind.feature": "feature",
    "kind.page": "page",
    "kind.dialog": "dialog",
    "kind.sheet": "sheet",
    "kind.rule": "rule",
    "kind.element": "element",
    "kind.attribute": "attribute",
    "kind.relation": "relation",
    "kind.transition": "transition",
    "kind.step": "step",
    "kind.stage": "stage",
    "kind.criterion": "criterion",
    "kind.parameter": "parameter",
    "kind.input": "input",
    "kind.row": "row",
    "kind.state": "state",
    "kind.release": "release",
    "kind.module": "module",
    "kind.term": "term",
    "kind.copy": "copy",
    "kind.next step": "next step",
    "kind.lane": "lane",
    "kind.jump": "jump",
    "kind.lifecycle event": "lifecycle event",
    "kind.item": "item",
    "kind.usecase": "usecase",
    "kind.actor": "actor",
    "kind.menu": "menu",
    "kind.limit": "limit",
    "kind.constraint": "constraint",
    "kind.toast": "toast",
    "kind.lifecycle": "lifecycle",
    "event.tap": "tap",
    "event.long_press": "long press",
    "event.change": "change",
    "event.submit": "submit",
    "event.select": "select",
    "event.swipe": "swipe",
    # PM1xx: reading files
    "PM100.no_folder": "project folder `{folder}` does not exist or is not a folder",
    "PM100.no_folder.hint": "pass the folder that holds pmdocs.yml",
    "PM100.no_project_file": "no pmdocs.yml in `{folder}`",
    "PM100.no_project_file.hint": "create one with `pmdocs new`, or pass the folder that holds it",
    "PM101.not_utf8": "file is not UTF-8 text (byte {byte})",
    "PM101.not_utf8.hint": "save the file as UTF-8",
    "PM101.nul": "file contains a NUL character; it is not a text file",
    "PM101.nul.hint": "save the file as UTF-8 text",
    "PM102.syntax": "YAML syntax error: {problem}",
    "PM102.syntax.hint": "check indentation, colons and quotes around this place",
    "PM102.tab": "indent with spaces; YAML does not allow tabs there",
    "PM102.unclosed": "YAML syntax error: the `{opening}` opened here is not closed: {problem} "
                      "(at {line}:{col})",
    "PM102.close_list": "close the list with `]`, or separate its items with commas",
    "PM102.close_mapping": "close the mapping with `}}`, or separate its pairs with commas",
    "PM102.close_quote": "end the text with `{quote}`, or remove the opening one",
    "PM102.no_anchor": "alias `*{anchor}` has no anchor `&{anchor}` before it",
    "PM103.twice": "key `{key}` appears twice in this mapping (first at line {line})",
    "PM103.twice.hint": "YAML would silently keep only the last one; merge or rename them",
    "PM104.empty": "file is empty",
    "PM104.empty.hint": "add sections such as `pages:` or delete the file",
    "PM105.not_a_mapping": "file is {kind}; a spec file must be a mapping of sections",
    "PM105.not_a_mapping.hint": "start with a section name, e.g. `pages:`, and indent the items",
    "value.single": "a single value",
    "PM106.too_large": "spec file is {size} MiB; a spec file may have at most {limit} MiB",
    "PM107.too_deep": "the YAML nests deeper than {levels} levels",
    "PM107.too_deep.hint": "flatten the structure",
    "PM107.too_many": "the file holds more than {count} values",
    "PM107.too_many.hint": "split it into several files, e.g. one per module",
    "PM107.expands": "the file expands to more than {count} values (aliases repeated inside "
                     "aliases?)",
    "PM107.expands.hint": "write the values out instead of nesting aliases",
    "PM107.alias_loop": "alias `*{anchor}` refers to a node that contains it",
    "PM107.alias_loop.hint": "an alias cannot point into its own anchor",
    "PM107.unreadable": "the YAML nests too deep or is too large to read",
    "PM108.folder_link_outside": "folder is a symbolic link (to `{target}`) that leads outside "
                                 "the project; skipped",
    "PM108.folder_link_outside.hint": "copy the files into the project instead of linking to them",
    "PM108.folder_link_loop": "folder is a symbolic link back into the project (a loop); skipped",
    "PM108.folder_link_loop.hint": "remove the link or point it elsewhere",
    "PM108.folder": "cannot read folder: {reason}",
    "PM108.file_link_outside": "cannot read spec file: it is a symbolic link (to `{target}`) "
                               "that leads outside the project",
    "PM108.file_link_outside.hint": "copy the file into the project instead of linking to it",
    "PM108.file": "cannot read spec file: {reason}",
    "PM108.file.hint": "check the file's permissions and links",
    "PM108.link_loop": "symbolic link loop (the link leads back to itself)",
    "PM108.broken_link": "broken symbolic link",
    "PM108.not_regular": "not a regular file",
    "PM109.second_document": "a spec file holds one YAML document; found a second `---`",
    "PM109.second_document.hint": "move the second document into a file of its own",
    "PM109.tag": "YAML tag `{tag}` is not accepted in spec files",
    "PM109.tag.hint": "remove the tag; spec files hold plain text, numbers and lists",
    "PM109.merge_key": "merge keys (`<<`) are not accepted in spec files",
    "PM109.merge_key.hint": "write the keys out in full",
    "PM109.complex_key": "a mapping key must be plain text, not a list or mapping",
    "PM109.complex_key.hint": "use a plain word as the key",
    # PM2xx: the spec language
    "PM201.unknown_key": "{context}: unknown key `{field}`",
    "PM202.required": "{context}: `{field}` is required",
    "PM202.required.hint": "add `{field}: …`",
    "PM201.allowed": "allowed keys: {keys}",
    "PM203.empty": "{context}: `{field}` is empty; it expects text",
    "PM203.empty.hint": "write the text after `{field}:` or remove the key",
    "PM203.wrong_type": "{context}: `{field}` must be {wanted}, not {got}",
    "PM203.invalid": "{context}: `{field}`: {detail}",
    "type.text": "text", "type.bool": "true or false", "type.int": "a whole number",
    "type.number": "a number", "type.list": "a list", "type.mapping": "a mapping (`key: value` lines)",
    "type.date": "a date",
    "value.mapping": "a mapping", "value.list": "a list", "value.empty": "empty",
    "PM204.trap": "{context}: `{field}` expects text, but YAML reads `{value}` as {reading}",
    "PM204.trap.hint": "write it in quotes: \"{value}\"",
    "PM204.boolean": "the boolean {value}",
    "PM204.date": "the date {value}",
    "PM204.number": "the number {value}",
    "PM205.not_a_choice": "{context}: `{field}` cannot be `{value}`; it must be one of {choices}",
    "PM205.not_a_key": "{context}: `{value}` cannot be a key of `{field}`; it must be one of "
                       "{choices}",
    "PM205.choose": "choose one of: {choices}",
    "PM206.not_slug": "{context}: id `{value}` is not an ASCII slug",
    "PM206.not_slug.hint": "use lower-case letters, digits, `_` and `-`, starting with a letter",
    "PM206.not_slug.hint.example": "use lower-case letters, digits, `_` and `-`, starting with a "
                                   "letter, e.g. `{example}`",
    # PM3xx: references and page jumps
    "PM301.unknown": "{context}: unknown {kind} `{value}`",
    "PM301.known": "known {kind}s: {known}",
    "PM301.none_defined": "no {kind} is defined yet",
    "PM310.no_entry": "no page is an entry page, so no page can be reached",
    "PM310.no_entry.hint": "mark the pages users open directly (a tab, a link, a push) with "
                           "`entry: true` or `entry: [tab, push]`",
    "PM311.unreachable": "{kind} `{id}` ({title}) cannot be reached from any entry page",
    "PM311.unreachable.hint": "add a jump to it from a reachable page, mark it `entry: true`, "
                              "or remove it",
    "PM312.dead_end": "page `{id}` ({title}) is a dead end: no element leads anywhere, not even "
                      "back",
    "PM312.dead_end.hint": "add an action (`on_tap: back`, or a jump `to:` a page), or mark the "
                           "page `terminal: true` if the journey ends here by design",
    "PM313.no_close": "{kind} `{id}` ({title}) has no way to close",
    "PM313.no_close.hint": "add a button with `on_tap: close`, or set `dismissible: true` if "
                           "tapping outside closes it",
    "PM314.gap": "page `{page}` › element `{element}`: on {event}, the conditions ({conditions}) "
                 "say nothing of what happens otherwise",
    "PM314.gap.hint": "add a last jump without `when` as the default, e.g. `- {{to: …}}` (or "
                      "`- {{effect: 无反应}}` to stay on the page)",
    # PM37x: business flows
    "PM370.not_a_role": "flow `{flow}`: lane `{lane}` is not a role",
    "PM370.not_a_role.hint": "lanes are role ids; define the role under `roles:`",
    "PM371.unreached": "flow `{flow}`: step `{step}` cannot be reached from a start step",
    "PM371.unreached.hint": "add a `next:` arrow into it",
    "PM372.no_end": "flow `{flow}`: step `{step}` has no path to an end step",
    "PM372.no_end.hint": "add a `next:` arrow from it toward an end step",
    "PM373.exits": "{context}: a decision needs at least two exits labelled with `when`; it has "
                   "{count}",
    "PM373.exits.hint": "write each exit as `- {{to: step, when: 条件}}`",
    "PM374.lane": "{context}: lane `{lane}` is not one of the flow's lanes",
    "PM374.lane.hint": "add it to the flow's `lanes:` ({lanes})",
    "PM374.stage": "{context}: stage `{stage}` is not one of the flow's stages",
    "PM374.stage.hint": "declare it under the flow's `stages:`",
    "PM375.no_start": "flow `{flow}` has no start step",
    "PM375.no_end": "flow `{flow}` has no end step",
    "PM375.hint": "mark one step `kind: {kind}`",
    "PM376.role": "flow `{flow}` › step `{step}`: happens on {kind} `{page}` ({title}), which "
                  "lane `{lane}` may not open (it is for {roles})",
    "PM376.role.hint": "name the page this role uses, or add `{lane}` to the page's `roles:`",
    # PM38x: features
    "PM380.links_nothing": "feature `{id}` ({title}) links to no page, rule, flow or object",
    "PM380.links_nothing.hint": "list what it touches under `pages:`, `rules:`, `flows:` or "
                                "`objects:`",
    "PM381.uncovered": "{kind} `{id}` ({title}) is covered by no feature",
    "PM381.uncovered.hint": "list it under a feature's `pages:` (or drop it if nobody needs it)",
    # PM34x: limits
    "PM340.no_window": "{name}: the limit does not say over which period it counts (per day? "
                       "per campaign? for ever?)",
    "PM340.no_window.hint": "add `window: calendar_day` (with timezone and reset), "
                            "`campaign_period`, `lifetime` or `rolling`",
    "PM341.no_subject": "{name}: the limit does not say who is counted (each user? each account, "
                        "device or phone number? each company?)",
    "PM341.no_subject.hint": "add `subject: user`, or `account`, `device`, `phone`, "
                             "`organization`, or `{{kind: custom, description: …}}`",
    "PM341.custom": "{name}: the limit's subject is `custom` but does not say who or what is "
                    "counted",
    "PM341.custom.hint": "add `description:`, e.g. `subject: {{kind: custom, description: "
                         "每个门店}}`",
    "PM342.no_counts": "{name}: the limit does not say what uses up the quota: every attempt, or "
                       "only a success?",
    "PM342.no_counts.hint": "add `counts: attempt` or `counts: success`; add `returned_on:` too "
                            "if a refund or a cancel gives the quota back",
    "PM343.timezone": "{name}: the {kind} window has no time zone; a {period} starts at different "
                      "moments for users in different places",
    "PM343.timezone.hint": "add `timezone: Asia/Shanghai`, the zone the business counts {period}s "
                           "in",
    "PM343.reset": "{name}: the {kind} window does not say at what time the count starts again",
    "PM343.reset.hint": "add `reset: \"00:00\"`, in quotes",
    "PM343.reset_format": "{name}: reset time `{reset}` is not a time of day like 00:00",
    "PM343.reset_format.hint": "write it as hours:minutes, e.g. \"04:00\"",
    "PM343.duration": "{name}: the rolling window does not say how long it is (the last 24 "
                      "hours? the last 7 days?)",
    "PM343.duration.hint": "add `duration: 24h`: a number and m, h or d",
    "PM343.duration_format": "{name}: window duration `{duration}` is not like 24h, 7d or 30m",
    "PM343.duration_format.hint": "write a number and a unit: m for minutes, h for hours, d for "
                                  "days",
    "period.day": "day", "period.week": "week", "period.month": "month", "period.period": "period",
    # PM36x: business objects
    "PM360.unreached": "{context}: state `{state}` cannot be reached from the initial state "
                       "`{initial}`",
    "PM360.unreached.hint": "add a transition into it, or remove it",
    "PM361.stuck": "{context}: state `{state}` is not final but no transition leaves it",
    "PM361.stuck.hint": "add a transition out of it, or list it under `final:`",
    "PM362.unknown": "{context}: unknown state `{state}`",
    "PM362.unknown.hint": "states: {states}",
    "PM363.values": "object `{object}`: attribute `{attribute}` holds the lifecycle's state, but "
                    "its values are not the states: {parts}",
    "PM363.values.hint": "make its `values` the states' ids or names ({states}), or leave them out",
    "PM363.no_state": "`{value}` is no state",
    "PM363.missing": "state `{state}` is not among them",
    "more": " (and {count} more)",
    "when": " when {condition}",
    "context.said": "{context}: {message}",
    # PM33x: rules and decision tables
    "PM330.gap": "rule `{rule}`: no row covers {gaps}{more}",
    "PM330.gap.when": "rule `{rule}`: when {when}, no row covers {gaps}{more}",
    "PM330.gap.hint": "add a row for each case; or use `hit: first` and end the table with a "
                      "catch-all row whose conditions are all `-`",
    "PM330.gap.hint.first": "add a row for each case, or end the table with a catch-all row whose "
                            "conditions are all `-`",
    "PM330.gap.hint.at": "{hint}; the gap opens only at {when}, an end of the parameter's range",
    "PM331.overlap": "rule `{rule}`: row {row} overlaps row {earlier} (both match: {both}){when}",
    "PM331.overlap.hint": "under `hit: unique` every case matches exactly one row: narrow one of "
                          "the two rows, or use `hit: first` if the earlier row should win",
    "PM332.overlap": "rule `{rule}`: row {row} overlaps row {earlier} but decides differently "
                     "(both match: {both}){when}",
    "PM332.overlap.hint": "under `hit: any` rows that overlap must decide the same: narrow one of "
                          "them, or use `hit: first` if the earlier row should win",
    "PM333.never": "rule `{rule}`: row {row} can never fire{when}: {reason}",
    "PM333.never.hint": "under `hit: first` the first matching row wins: remove this row, or move "
                        "it above the rows that hide it",
    "PM333.matches_nothing": "its conditions match no case",
    "PM333.by_row": "every case it matches is matched first by row {row}",
    "PM333.by_rows": "every case it matches is matched first by rows {rows} and {last}",
    "PM334.same": "rule `{rule}`: row {row} has the same conditions as row {earlier}",
    "PM334.same.hint": "remove one of them",
    "PM334.differ.hint": "make their conditions differ, or keep one row with the outcome you mean",
    "PM335.number.hint": "write a number like `3`, a comparison like `\"< 3\"`, `\">= 5\"` or "
                         "`\"!= 0\"`, a range like `\"1..5\"`, or `-` for any value; `$parameter` "
                         "may stand for a number",
    "PM336.not_in_rule": "{context}: parameter `${name}` is not defined in this rule",
    "PM336.not_in_rule.hint": "add it under `parameters:`, with a default and a range",
    "PM337.no_default": "rule `{rule}`: parameter `{parameter}` has no default; nobody can tell "
                        "which value applies before operations set one",
    "PM337.no_default.hint": "add `default: …`",
    "PM337.no_range": "rule `{rule}`: parameter `{parameter}` has no range; say which values "
                      "operations may set",
    "PM337.no_range.hint": "add `min:` and `max:`, e.g. `min: 1` and `max: 10`",
    "PM338.no_default": "rule `{rule}`: could not analyse: row {row} compares with parameter "
                        "`{parameter}`, whose default is not a whole number{more}",
    "PM338.no_default.hint": "give parameter `{parameter}` a whole number as `default:`",
    "PM338.free_text": "rule `{rule}`: could not analyse: free-text condition `{condition}` in "
                       "row {row}{more}",
    "PM338.free_text_input.hint": "input `{input}` is free text; make it an `enum` with "
                                  "`values:`, or an `integer`, so the table can be checked for "
                                  "gaps and overlaps",
    "PM338.free_text.hint": "{number_hint}, so the table can be checked for gaps and overlaps; "
                            "keep the words in the row's `note`",
    "PM339.too_many": "rule `{rule}`: the table has {count} combinations of input values, more "
                      "than {limit}; it was not checked for gaps and overlaps",
    "PM339.too_many.hint": "split the rule into smaller rules, or use fewer thresholds",
    # PM345-PM347: rule inputs and constraints
    "PM346.incomplete": "{context}: a constraint is either `if` with `then` (when these hold, "
                        "those hold too) or `never` (these never hold together)",
    "PM346.incomplete.hint": "write e.g. `{{if: {{reached: true}}, then: {{initiated: true}}}}` or "
                             "`{{never: {{status: 未开始, joined: true}}}}`",
    "PM346.nothing_possible": "rule `{rule}`: the constraints rule out every combination of the "
                              "inputs, so no row can ever apply",
    "PM346.nothing_possible.hint": "a constraint says which combinations cannot happen; check "
                                   "each `if` → `then` and `never` for one that contradicts the "
                                   "others",
    "PM347.excluded": "rule `{rule}`: row {row} can never apply{when}: the constraints rule out "
                      "every case it matches",
    "PM347.excluded.hint": "remove the row, or the constraint if the case can happen after all",
    "value.nested_list": "a list inside a list",
    "PM335.not_an_input": "`{column}` is not an input of this rule",
    "PM335.not_an_input.hint": "the inputs are {inputs}; or declare `{column}` under `inputs:`",
    "PM335.no_inputs.hint": "declare `{column}` under `inputs:`, with its type",
    "PM335.not_a_bool": "input `{column}` is true or false, not `{value}`",
    "PM335.not_a_bool.hint": "write `true`, `false` or `-` for any",
    "PM335.not_whole": "input `{column}` takes whole numbers, not `{value}`",
    "PM335.not_a_number": "`{value}` is not a condition on the number `{column}`",
    "PM335.span": "from {low} to {high}",
    "PM335.span_up": "from {low} up",
    "PM335.outside": "`{value}` matches no value of input `{column}`, which runs {span}",
    "PM335.outside.hint": "change the condition, or widen the input's `min` / `max`",
    "PM335.shape": "the condition on `{column}` cannot be {kind}",
    "PM335.shape.hint": "write one value, a list of values, or `-` for any value",
    "PM335.boolean": "`{column}` cannot be `{value}`: YAML reads it as the boolean {reading}",
    "PM335.not_a_value": "`{value}` is not a value of input `{column}`",
    "PM335.not_a_value.hint": "use one of {choices}, or add `{value}` to the input's `values`",
    "PM335.not_a_value.hint.from": "use one of {choices}, the values of `{source}`",
    "hints": "{hints}",
    "kind.lifecycle state": "lifecycle state",
    "PM207.twice": "{kind} id `{id}` is used {count} times {scope} (also at {places})",
    "PM207.twice.hint": "ids must be unique; rename one of them",
    "scope.project": "in the project", "scope.project_file": "in pmdocs.yml",
    "scope.page": "on page `{id}`", "scope.flow": "in flow `{id}`",
    "scope.object": "of object `{id}`", "scope.rule": "of rule `{id}`",
    "PM320.missing": "{kind} `{id}` ({title}) shows data but does not describe the state {states}",
    "PM320.missing.many": "{kind} `{id}` ({title}) shows data but does not describe the states "
                          "{states}",
    "PM320.missing.typed": "{kind} `{id}` ({title}) is a {type} page but does not describe the "
                           "state {states}",
    "PM320.missing.typed.many": "{kind} `{id}` ({title}) is a {type} page but does not describe "
                                "the states {states}",
    "PM320.add.one": "add it under `states:`, e.g. `{example}: …`, saying what the user sees",
    "PM320.add.many": "add them under `states:`, e.g. `{example}: …`, saying what the user sees",
    "PM320.counts_as": "a business state that stands for `{state}` says `counts_as: {state}`",
    "PM320.type": "or say what the page is with `type:` ({types})",
    "PM320.loading": "`check: {{loading: false}}` in pmdocs.yml asks for no `loading`",
    "PM301.state_nowhere": "{context}: page state `{state}`, but the rule governs no page to "
                           "find it on",
    "PM301.state_nowhere.hint": "name the pages it shows on under the rule's `applies_to: "
                                "{{pages: […]}}`",
    "PM301.unknown_state": "{context}: unknown page state `{state}`: no page of the rule ({pages}) "
                           "has it",
    "PM301.unknown_state.hint": "add `{state}:` under the `states:` of the page it shows on",
    "PM344.quota": "{context}: `{field}` states a quantity limit ({words}) but no rule with a "
                   "`limit` block says who is counted, over which period, and what counts",
    "PM344.quota.hint": "add a `limit:` block (subject, window, counts, max) to the rule, or link "
                        "the element to a rule that has one",
    "PM345.no_lifecycle": "{context}: object `{object}` has no lifecycle to take states from",
    "PM345.no_lifecycle.hint": "name an enum attribute, as `{object}.<attribute>`, or give the "
                               "object a `lifecycle:`",
    "PM345.no_values": "{context}: `{source}` has no values to take: it is neither an enum "
                       "attribute with `values` nor the attribute that holds the object's "
                       "lifecycle state",
    "PM345.no_values.hint": "give attribute `{attribute}` `values:`, or take the values from an "
                            "enum attribute or from the lifecycle (`from: {object}`)",
    "PM345.not_enum": "{context}: takes its values from `{source}`, so it is an enum, not `{type}`",
    "PM345.not_enum.hint": "leave `type:` out: enum is the default",
    "PM345.lists": "lists {count} of the {total} values of `{source}`",
    "PM345.missing": "missing {values}",
    "PM345.extra": "not among them: {values}",
    "PM345.listed.hint": "leave `values:` out: the input takes them from `{source}`",
    "PM350.vague": "{context}: `{field}` uses vague wording ({words})",
    "PM350.vague.hint": "say it measurably (a number, a time, a list of cases); switch off with "
                        "`check: {{vague_words: false}}`",
    "PM390.fixed": "check settings: `{code}` cannot be switched off or re-graded",
    "PM390.unknown": "check settings: unknown check code `{code}`",
    "PM390.hint": "see `pmdocs codes` for the list",
    "PM391.written": "`output: {output}` {problem}",
    "PM391.default": "the default output folder `{output}` {problem}",
    "PM391.hint": "pmdocs.yml may only name a folder inside the project, e.g. `output: site`; to "
                  "build elsewhere, run `pmdocs build -o PATH`",
    "PM391.absolute": "is an absolute path",
    "PM391.unusable": "is not a folder pmdocs can use: {error}",
    "PM391.project_folder": "is the project folder itself, which holds the specs",
    "PM391.outside": "leads outside the project",
    "PM391.through_link": "leads outside the project, through the symbolic link `{link}` (to "
                          "`{target}`)",
    "PM336.other_rule.hint": "`${name}` is a parameter of rule `{rule}`; a rule's texts name its "
                             "own parameters: add it under this rule's `parameters:`",
    "PM336.several": "{context}: parameter `${name}` is defined by several rules ({rules}), and "
                     "none of them governs this text",
    "PM336.no_rule": "{context}: parameter `${name}` is not defined by any rule",
    "PM336.no_rule.hint": "define it under the `parameters:` of the rule it belongs to",
    "PM336.element.hint": "name the rule the element follows, e.g. `rules: [{rule}]`",
    "PM336.page.hint": "name the page in the rule's `applies_to: {{pages: […]}}`, e.g. rule "
                       "`{rule}`",
    "PM336.step.hint": "name the rule the step applies, e.g. `rule: {rule}`",
    "PM336.object.hint": "give the rule an input `from:` this object, or give the parameter a "
                         "name of its own",
    "PM201.unknown_section": "unknown section `{key}`",
    "PM201.sections": "a spec file holds the sections {sections}",
    "PM203.section": "section `{section}` must be a list of items",
    "PM203.section.hint": "write each item as `- id: …` under `{section}:`",
    "PM203.item": "{section} item {number} must be a mapping (`id: …` and other keys)",
    "PM203.item.hint": "start the item with `- id: …`",
    "context.on": "on {event}",
    "context.exit": "exit to `{step}`",
    "context.transition": "transition `{source}` → `{to}`",
    "numbered.row": "row {number}",
    "numbered.constraint": "constraint {number}",
    "numbered.criterion": "criterion {number}",
    "context.lifecycle_of": "object `{object}` lifecycle",
}

WORDS = {
    "with_hint": "{message} (hint: {hint})",
    "list_separator": "; ",
    "advice": "How to fix",
    "item_problems": "The check found {count} problem(s) here",
    "serve_errors": "The specs have errors; this is the last version that built.",
    "serve_recover": "Save a fix and the page reloads.",
    "error_one": "{count} error", "error_many": "{count} errors",
    "warning_one": "{count} warning", "warning_many": "{count} warnings",
    "info_one": "{count} note", "info_many": "{count} notes",
    "file_one": "{count} file", "file_many": "{count} files",
    "separator": ", ",
    "summary": "{counts} in {files}",
    "no_problems": "no problems",
}
