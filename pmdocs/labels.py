"""Every label pmdocs itself writes into a site or a diagram, in Chinese and in English.

A label is looked up by key in the project's language (`language: zh | en`); a test makes
sure every key has both. Spec text is never translated: only pmdocs' own words are here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

LABELS: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "home": ("首页", "Home"),
    "features": ("需求", "Features"),
    "feature": ("需求", "Feature"),
    "releases": ("版本规划", "Releases"),
    "flows": ("业务流程", "Business flows"),
    "flow": ("业务流程", "Business flow"),
    "usecases": ("用例", "Use cases"),
    "objects": ("业务对象", "Business objects"),
    "object": ("业务对象", "Business object"),
    "roles": ("角色", "Roles"),
    "role": ("角色", "Role"),
    "structure": ("功能结构", "Function structure"),
    "pagemap": ("页面地图", "Page map"),
    "pages": ("页面", "Pages"),
    "page": ("页面", "Page"),
    "rules": ("规则", "Rules"),
    "rule": ("规则", "Rule"),
    "trace": ("追溯矩阵", "Traceability"),
    "copy": ("文案", "Copy deck"),
    "glossary": ("术语表", "Glossary"),
    "codes": ("检查项", "Check codes"),
    "start": ("开始", "Start"),
    "end": ("结束", "End"),
    "back": ("返回", "Back"),
    "close": ("关闭", "Close"),
    "entry": ("入口", "Entry"),
    "dialog": ("弹窗", "Dialog"),
    "sheet": ("底部弹层", "Sheet"),
    "toast": ("轻提示", "Toast"),
    "system": ("系统", "System"),
    "legend": ("图例", "Legend"),
    "diagram_too_large": ("图太大，未能在限定时间内排版；下表列出了它的全部连线。",
                          "This diagram is too large to lay out in time; the table below lists all its edges."),
    "diagram_unavailable": ("未安装 Graphviz，图未生成；下表列出了它的全部连线。",
                            "Graphviz is not installed, so the diagram was not drawn; the table below lists all its edges."),
    "edges": ("连线", "Edges"),
    "from": ("从", "From"),
    "to": ("到", "To"),
    "label": ("说明", "Label"),
    "source_tab": ("底部标签栏", "Tab bar"),
    "source_push": ("推送消息", "Push message"),
    "source_link": ("链接", "Link"),
    "source_share": ("分享", "Share"),
    "source_search": ("搜索", "Search"),
    "source_qr": ("扫码", "QR code"),
    "source_ad": ("广告", "Ad"),
    "source_launch": ("启动", "App launch"),
    "source_direct": ("直接打开", "Opened directly"),
    "event_tap": ("点击", "tap"),
    "event_long_press": ("长按", "long press"),
    "event_change": ("修改", "change"),
    "event_submit": ("提交", "submit"),
    "event_select": ("选择", "select"),
    "event_swipe": ("滑动", "swipe"),
    "system_boundary": ("系统边界", "System boundary"),
    "product": ("产品", "Product"),
    "module": ("模块", "Module"),
    "menu": ("菜单", "Menu"),
    "no_module": ("未分模块", "No module"),
    "goals": ("目标", "Goals"),
    "check_result": ("检查结果", "Check result"),
    "no_problems": ("没有发现问题。", "No problems found."),
    "location": ("位置", "Location"),
    "severity": ("级别", "Severity"),
    "code": ("代码", "Code"),
    "message": ("说明", "Message"),
    "severity_error": ("错误", "error"),
    "severity_warning": ("警告", "warning"),
    "severity_info": ("提示", "note"),
}

LANGUAGES = ("zh", "en")


@dataclass(frozen=True)
class Labels:
    """The labels of one language: `labels["features"]` or `labels.get("event_" + name)`."""

    language: str
    table: Mapping[str, str]

    def __getitem__(self, key: str) -> str:
        return self.table[key]

    def get(self, key: str, default: str | None = None) -> str:
        return self.table.get(key, key if default is None else default)


def labels_for(language: str) -> Labels:
    index = LANGUAGES.index(language) if language in LANGUAGES else 0
    return Labels(LANGUAGES[index], {key: pair[index] for key, pair in LABELS.items()})
