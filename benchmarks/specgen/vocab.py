"""Words of the synthetic product: modules, roles, page and element kinds, rule inputs.

Plain tables only (tuples, never mutated); the generator picks from them with a seeded
random generator. Ids are ASCII slugs, titles and labels are Chinese, as in a real PRD.
"""

from __future__ import annotations

# (id, title, noun used in page titles, device)
MODULES: tuple[tuple[str, str, str, str], ...] = (
    ("home", "首页", "推荐", "mobile"), ("product", "商品", "商品", "mobile"),
    ("search", "搜索", "搜索结果", "mobile"), ("cart", "购物车", "购物车商品", "mobile"),
    ("order", "订单", "订单", "mobile"), ("payment", "支付", "支付单", "mobile"),
    ("aftersale", "售后", "售后单", "mobile"), ("logistics", "物流", "包裹", "mobile"),
    ("member", "会员", "会员权益", "mobile"), ("coupon", "优惠券", "优惠券", "mobile"),
    ("campaign", "活动", "活动", "mobile"), ("points", "积分", "积分记录", "mobile"),
    ("message", "消息", "消息", "mobile"), ("account", "账户", "账户信息", "mobile"),
    ("address", "地址", "收货地址", "mobile"), ("review", "评价", "评价", "mobile"),
    ("store", "门店", "门店", "mobile"), ("live", "直播", "直播间", "mobile"),
    ("content", "内容", "文章", "mobile"), ("service", "客服", "会话", "mobile"),
    ("invoice", "发票", "发票", "mobile"), ("wallet", "钱包", "余额明细", "mobile"),
    ("groupbuy", "拼团", "拼团", "mobile"), ("flashsale", "秒杀", "秒杀场次", "mobile"),
    ("giftcard", "礼品卡", "礼品卡", "mobile"), ("report", "报表", "报表", "web"),
    ("finance", "财务", "结算单", "web"), ("warehouse", "仓储", "库存", "web"),
    ("supplier", "供应商", "供应商", "web"), ("risk", "风控", "风险事件", "web"),
)

# (id, name, kind): kinds interleaved so that a small project still gets a mix.
ROLES: tuple[tuple[str, str, str], ...] = (
    ("buyer", "买家", "user"), ("operator", "运营", "staff"), ("order_service", "订单服务", "system"),
    ("wechat_pay", "微信支付", "external"), ("guest", "游客", "user"),
    ("cs_agent", "客服", "staff"), ("risk_engine", "风控引擎", "system"),
    ("courier", "快递公司", "external"), ("member_user", "会员用户", "user"),
    ("warehouse_staff", "仓库管理员", "staff"), ("notify_service", "消息推送服务", "system"),
    ("alipay", "支付宝", "external"), ("seller", "商家", "user"), ("finance_staff", "财务", "staff"),
    ("scheduler", "定时任务", "system"), ("bank", "银行", "external"), ("new_user", "新用户", "user"),
    ("auditor", "审核员", "staff"), ("inventory_service", "库存服务", "system"),
    ("sms_gateway", "短信网关", "external"), ("store_clerk", "店员", "user"),
    ("merchandiser", "商品运营", "staff"), ("recommend_engine", "推荐引擎", "system"),
    ("tax_system", "税务系统", "external"), ("driver", "配送员", "user"),
    ("marketing", "市场专员", "staff"), ("search_service", "搜索服务", "system"),
    ("creator", "内容创作者", "user"), ("admin", "系统管理员", "staff"),
    ("data_analyst", "数据分析师", "staff"),
)
MAX_ROLES = len(ROLES)

# (slug, title suffix) of ordinary pages; the first is the module's hub.
PAGE_KINDS: tuple[tuple[str, str], ...] = (
    ("list", "列表"), ("detail", "详情"), ("edit", "编辑"), ("create", "新建"),
    ("filter", "筛选"), ("history", "记录"), ("settings", "设置"), ("result", "结果"),
    ("share", "分享"), ("guide", "引导"), ("rank", "排行"), ("calendar", "日历"),
    ("stats", "统计"), ("apply", "申请"), ("progress", "进度"), ("compare", "对比"),
)
FORM_PAGE_KINDS = frozenset({"edit", "create", "apply", "settings"})

# (slug, title, confirm button label) of dialogs and sheets.
DIALOG_KINDS: tuple[tuple[str, str, str], ...] = (
    ("confirm", "确认提交", "确认"), ("cancel", "取消确认", "确定取消"), ("pick", "选择规格", "完成"),
    ("tip", "温馨提示", "我知道了"), ("share", "分享面板", "分享"), ("auth", "授权登录", "同意并登录"),
    ("delete", "删除确认", "删除"), ("coupon", "选择优惠", "使用"), ("remind", "开启提醒", "开启"),
)

CONTENT_ELEMENTS: tuple[tuple[str, str], ...] = (
    ("text", "说明文字"), ("image", "头图"), ("banner", "活动横幅"), ("badge", "状态角标"),
    ("countdown", "倒计时"), ("tab", "分类标签"), ("card", "摘要卡片"), ("progress", "进度条"),
)
FORM_ELEMENTS: tuple[tuple[str, str, str], ...] = (
    ("input", "名称", "请输入名称"), ("textarea", "备注", "选填，最多 200 字"),
    ("select", "类型", "请选择"), ("date", "日期", "请选择日期"), ("switch", "设为默认", ""),
    ("stepper", "数量", ""), ("checkbox", "同意协议", ""), ("radio", "配送方式", ""),
)
LINK_TYPES: tuple[str, ...] = ("button", "link", "card", "button", "list")
LINK_LABELS: tuple[str, ...] = ("查看", "进入", "去", "打开")

JUMP_CONDITIONS: tuple[tuple[str, str], ...] = (
    ("已登录", "未登录时先登录"), ("库存充足", "库存不足时提示"), ("已实名认证", "未实名时引导认证"),
    ("余额充足", "余额不足时选择其他支付方式"), ("活动进行中", "活动未开始时展示预告"),
)
EFFECTS: tuple[str, ...] = (
    "记录点击埋点", "创建订单并锁定库存 15 分钟", "刷新列表", "保存草稿", "提交申请并通知审核员",
    "发放优惠券到账户", "扣减积分", "发送短信验证码", "写入浏览记录",
)
STATE_TEXTS: dict[str, str] = {
    "empty": "暂无{noun}，展示插画和「去逛逛」按钮",
    "loaded": "按更新时间倒序展示{noun}，每页 20 条，上拉加载下一页",
    "error": "加载失败，展示错误码和「重试」按钮",
    "offline": "网络不可用，展示缓存内容和「检查网络」提示",
    "loading": "展示 3 行骨架屏",
}

# Rule inputs: enum (id, title, values), bool (id, title), integer (id, title, threshold, unit).
ENUM_INPUTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("member_level", "会员级别", ("普通", "白银", "黄金")),
    ("channel", "下单渠道", ("app", "mini", "web")),
    ("user_type", "用户类型", ("新客", "老客")),
    ("region", "收货地区", ("大陆", "港澳台", "海外")),
    ("pay_method", "支付方式", ("微信", "支付宝", "银行卡")),
    ("campaign_state", "活动状态", ("未开始", "进行中未参与", "已参与未达标", "已达标", "已结束")),
)
BOOL_INPUTS: tuple[tuple[str, str], ...] = (
    ("logged_in", "已登录"), ("is_vip", "是付费会员"), ("has_coupon", "有可用优惠券"),
    ("in_stock", "有库存"), ("real_name", "已实名认证"),
)
INT_INPUTS: tuple[tuple[str, str, int, str], ...] = (
    ("order_amount", "订单金额", 99, "元"), ("quantity", "购买数量", 5, "件"),
    ("signup_days", "注册天数", 30, "天"), ("attempts_today", "今日已参与次数", 3, "次"),
)
RULE_TOPICS: tuple[tuple[str, str], ...] = (
    ("eligibility", "参与资格"), ("discount", "优惠计算"), ("display", "展示规则"),
    ("shipping", "运费规则"), ("reward", "奖励发放"), ("review", "审核规则"),
)
OUTCOMES: tuple[str, ...] = (
    "可参与", "不可参与", "减 10 元", "打 9 折", "包邮", "运费 8 元", "展示入口", "隐藏入口",
    "发放 50 积分", "转人工审核", "自动通过", "拒绝并提示原因",
)

OBJECT_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("", ""), ("item", "明细"), ("log", "日志"), ("config", "配置"), ("snapshot", "快照"),
    ("ticket", "工单"), ("record", "记录"), ("stat", "统计"),
)
LIFECYCLES: tuple[tuple[tuple[str, str], ...], ...] = (
    (("created", "已创建"), ("paid", "已支付"), ("shipped", "已发货"), ("done", "已完成")),
    (("draft", "草稿"), ("pending", "待审核"), ("published", "已发布"), ("offline", "已下线")),
    (("pending", "待处理"), ("processing", "处理中"), ("done", "已完成")),
    (("applied", "已申请"), ("approved", "已批准"), ("returned", "已退回"), ("refunded", "已退款"),
     ("closed", "已关闭")),
)
TRANSITION_EVENTS: tuple[str, ...] = ("提交", "支付成功", "审核通过", "发货", "确认收货", "超时关闭")

FEATURE_ACTIONS: tuple[str, ...] = (
    "浏览{noun}", "筛选{noun}", "导出{noun}", "分享{noun}", "{noun}提醒", "批量处理{noun}",
    "{noun}排序", "收藏{noun}", "{noun}推荐", "搜索{noun}",
)
BENEFITS: tuple[str, ...] = ("节省挑选时间", "及早发现异常", "减少重复操作", "按时完成交付")
OWNERS: tuple[str, ...] = ("张伟", "李娜", "王芳", "刘洋", "陈静", "杨帆", "赵磊", "周婷")
FLOW_TASKS: tuple[str, ...] = (
    "填写申请", "上传凭证", "校验资料", "生成单据", "通知对方", "安排配送", "核对金额", "归档",
)
