"""Demo-city trades (工种): wages, shifts, certificates, and the postings employers write for them."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["TRADES", "TRADE_NAMES", "PayRange", "Posting", "Trade"]

DAY = "day"
HOUR = "hour"
PIECE = "piece"


@dataclass(frozen=True, slots=True)
class PayRange:
    """How a trade is paid in one unit: amounts from ``low_fen`` to ``high_fen`` in steps of ``step_fen``."""

    unit: str
    low_fen: int
    high_fen: int
    step_fen: int


@dataclass(frozen=True, slots=True)
class Posting:
    """A title with its description template ({place}: where the work is, {area}: the district)."""

    title: str
    description: str
    kinds: str = "hsf"
    """Which employers write it: h household, s shop, f firm."""
    unit: str | None = None
    """The pay unit the text promises (按台计价 means piece), when it promises one."""


@dataclass(frozen=True, slots=True)
class Trade:
    """One trade as the demo city knows it."""

    name: str
    family: str
    """Trades of one family go together in a worker's skills: build, logistics, food, care, general."""
    female_share: float
    """Rough share of women among the people who do this work, used to pick skills by gender."""
    daily_fen: tuple[int, int]
    """What a worker of this trade expects a day, from a beginner to an old hand."""
    pay: tuple[PayRange, ...]
    """How employers pay it; the first is the usual way."""
    start_hours: tuple[int, ...]
    """Local hours at which its shifts start."""
    durations: tuple[tuple[int, int], ...]
    """(days, hours a day) a job lasts; 24 hours a day means round-the-clock care."""
    postings: tuple[Posting, ...]
    certificate: str | None = None
    """The certificate a holder of this trade may have (特种作业操作证 and the like)."""
    related: tuple[str, ...] = ()
    """Trades a job may also ask for alongside this one."""

    def postings_for(self, kind: str) -> tuple[Posting, ...]:
        """The postings an employer of ``kind`` (household, shop, firm) would write, or all when none fits."""
        fitting = tuple(p for p in self.postings if kind[0] in p.kinds)
        return fitting or self.postings


P = Posting


def _day(low: int, high: int) -> PayRange:
    """Daily pay from ``low`` to ``high`` yuan in steps of ten yuan."""
    return PayRange(DAY, low * 100, high * 100, 1000)


def _hour(low: int, high: int) -> PayRange:
    """Hourly pay from ``low`` to ``high`` yuan in steps of one yuan."""
    return PayRange(HOUR, low * 100, high * 100, 100)


# fmt: off
TRADES: tuple[Trade, ...] = (
    Trade("搬运工", "logistics", 0.05, (18000, 30000), (_day(220, 300),), (7, 8, 9, 14), ((1, 4), (1, 6), (1, 8)), (
        P("搬家临时搬运工", "搬家公司招临时搬运工，{place}三楼无电梯，家具家电较多，需吃苦耐劳。", "hs"),
        P("仓库卸货搬运工", "{place}到了两车货需要卸车入库，按指挥码放整齐，身体好能扛重物。", "sf"),
        P("建材上楼搬运", "{place}装修建材（瓷砖、水泥）搬运上楼，有电梯，手套自备。", "hsf"),
    ), related=("普工", "司机")),
    Trade("保洁", "care", 0.85, (15000, 22000), (_hour(30, 40), _day(180, 220)), (8, 9, 14),
          ((1, 4), (1, 6), (1, 8)), (
        P("新房开荒保洁", "{place}新房装修完需开荒保洁，约120平方米，清洁工具和清洁剂由我方提供。", "hf"),
        P("家庭日常保洁", "{place}家庭日常打扫，擦窗、拖地、厨房卫生间清洁，做事细心。", "h"),
        P("办公室深度保洁", "{area}写字楼一层办公区深度保洁，含地毯吸尘和玻璃擦拭，有经验者优先。", "sf"),
    )),
    Trade("家政", "care", 0.9, (18000, 26000), (_hour(35, 50), _day(200, 260)), (8, 9), ((1, 4), (1, 8), (3, 8)), (
        P("家务钟点工", "{place}家庭找钟点工，打扫卫生并做一顿午饭，会做闽南菜优先。", "hsf"),
        P("做饭兼打扫家政阿姨", "{place}老人家里需要家政阿姨，买菜做饭、洗衣打扫，为人和气。", "hsf"),
    ), related=("保洁",)),
    Trade("水电工", "build", 0.02, (28000, 40000), (_day(300, 420),), (8,), ((1, 8), (2, 8), (3, 8)), (
        P("二手房水电改造", "{place}二手房水电改造，开槽布管、穿线、装插座开关，需懂规范。", "hsf"),
        P("店面水电安装", "{place}新店面装修，水管电线安装及灯具安装，材料我方提供。", "sf"),
    ), related=("电工",)),
    Trade("电工", "build", 0.02, (30000, 40000), (_day(320, 450),), (8,), ((1, 8), (2, 8), (3, 8)), (
        P("厂房电路检修电工", "{place}厂房照明线路及配电箱检修，须持低压电工作业证，注意用电安全。", "f"),
        P("配电箱安装电工", "{place}配电箱更换及线路整改，需持证上岗，工具自带。", "sf"),
    ), certificate="低压电工作业证", related=("水电工",)),
    Trade("泥瓦工", "build", 0.08, (30000, 40000), (_day(330, 420),), (7,), ((1, 9), (3, 9), (5, 9)), (
        P("卫生间贴砖泥瓦工", "{place}卫生间和厨房贴砖，约40平方米，要求平整美观，有经验者优先。", "hsf"),
        P("砌墙抹灰大工", "{place}砌砖、抹灰，活多稳定，能连续干几天的优先。", "f"),
    ), related=("普工",)),
    Trade("木工", "build", 0.03, (30000, 40000), (_day(330, 420),), (7, 8), ((1, 9), (3, 9), (5, 9)), (
        P("吊顶木工", "{place}客厅卧室石膏板吊顶，需自带工具，会看图纸。", "hsf"),
        P("支模木工", "{place}楼板支模，需有工地经验，服从现场安排，注意安全。", "f"),
    ), related=("普工",)),
    Trade("油漆工", "build", 0.1, (26000, 36000), (_day(280, 360),), (7, 8), ((1, 9), (2, 9), (4, 9)), (
        P("墙面刷漆油漆工", "{place}三房两厅墙面批腻子、刷乳胶漆，要求无色差。", "hsf"),
        P("旧房翻新油漆工", "{place}旧房翻新，门窗和墙面重新刷漆，材料我方提供。", "hsf"),
    )),
    Trade("焊工", "build", 0.02, (32000, 40000), (_day(350, 450),), (7, 8), ((1, 9), (3, 9)), (
        P("钢结构焊工", "{place}钢结构雨棚焊接，须持熔化焊接与热切割作业证。", "sf"),
        P("防盗网焊接", "{place}防盗网和铁门焊接修补，持证上岗，自带焊机优先。", "hsf"),
    ), certificate="熔化焊接与热切割作业证"),
    Trade("钢筋工", "build", 0.05, (28000, 38000), (_day(300, 400),), (7,), ((1, 9), (3, 9), (5, 9)), (
        P("钢筋绑扎工", "{place}钢筋绑扎，按图施工，需有工地经验，工地提供午餐。", "f"),
        P("钢筋工（大工）", "{place}基础和柱子钢筋制作安装，能吃苦，服从管理。", "f"),
    ), related=("普工",)),
    Trade("架子工", "build", 0.01, (30000, 40000), (_day(320, 420),), (7,), ((1, 9), (2, 9), (4, 9)), (
        P("外墙脚手架搭设", "{place}外墙脚手架搭设，须持登高架设作业证，系好安全带。", "f"),
        P("脚手架拆除", "{place}脚手架拆除，持证上岗，听从安全员指挥。", "f"),
    ), certificate="登高架设作业证", related=("高处作业",)),
    Trade("高处作业", "build", 0.03, (32000, 40000), (_day(350, 500),), (7, 8), ((1, 8), (2, 8)), (
        P("外墙清洗（蜘蛛人）", "{place}外墙玻璃清洗，须持高处作业证，安全绳和吊板由我方提供。", "f"),
        P("招牌拆装高处作业", "{place}店面招牌拆装，高处作业，持证上岗。", "sf"),
    ), certificate="高处作业证"),
    Trade("普工", "general", 0.4, (15000, 22000), (_day(150, 220), _hour(18, 25)), (7, 8, 19),
          ((1, 8), (1, 10), (3, 10), (5, 8)), (
        P("工厂临时普工", "{place}赶货招临时普工，流水线包装装箱，站着干活，不需要经验。", "f"),
        P("工地小工", "{place}工地小工，配合大工搬砖、和水泥、清理垃圾。", "f"),
        P("包装普工", "{place}产品贴标装箱，坐着干活，适合细心的人。", "f"),
        P("洗车临时工", "{place}周末洗车忙，招临时工冲洗擦车，会用高压水枪。", "s"),
        P("花木场帮工", "{place}搬盆、浇水、装车，能晒太阳能干活。", "s"),
    )),
    Trade("厨房帮工", "food", 0.6, (15000, 20000), (_day(150, 200), _hour(18, 25)), (9, 10, 16), ((1, 5), (1, 8)), (
        P("酒楼厨房帮工", "{place}周末宴席多，招厨房帮工洗菜切配，需有健康证。", "sf"),
        P("食堂切配帮工", "{place}食堂帮厨，洗切配菜、打扫后厨，包工作餐。", "f"),
    ), related=("洗碗工",)),
    Trade("洗碗工", "food", 0.7, (15000, 18000), (_hour(16, 22), _day(150, 180)), (10, 16), ((1, 5), (1, 8)), (
        P("婚宴洗碗临时工", "{place}婚宴二十多桌，招临时洗碗工，包一餐。", "sf"),
        P("酒楼洗碗工", "{place}晚市洗碗、收拾后厨，需有健康证。", "sf"),
    )),
    Trade("服务员", "food", 0.7, (15000, 20000), (_hour(18, 25), _day(150, 200)), (10, 11, 16, 17),
          ((1, 4), (1, 5), (1, 8)), (
        P("周末宴席服务员", "{place}周末婚宴，招传菜和摆台服务员，穿黑裤黑鞋，有经验优先。", "sf"),
        P("餐厅临时服务员", "{place}晚市高峰缺人，点菜、传菜、收台，会讲闽南话更好。", "sf"),
    )),
    Trade("收银员", "food", 0.85, (15000, 19000), (_hour(18, 23),), (8, 14), ((1, 6), (1, 8)), (
        P("节假日收银员", "{place}节假日客流大，招临时收银员，会用扫码枪和收银系统。", "sf"),
        P("顶班收银员", "{place}顶班收银，细心、算账清楚，有收银经验优先。", "sf"),
    )),
    Trade("理货员", "food", 0.6, (15000, 19000), (_hour(18, 23), _day(150, 190)), (6, 7, 8), ((1, 6), (1, 8)), (
        P("早班上货理货员", "{place}早班上货理货，清点日期、整理货架，能早起。", "sf"),
        P("盘点理货员", "{place}月底盘点理货，清点库存、贴价签。", "sf"),
    ), related=("搬运工",)),
    Trade("促销员", "food", 0.75, (18000, 25000), (_day(180, 250), _hour(20, 30)), (9, 10), ((1, 6), (2, 8)), (
        P("新品试吃推广", "{place}周末新品试吃推广，口齿伶俐，会普通话和闽南话。", "sf"),
        P("茶叶节促销员", "{place}茶叶节促销，介绍产品、引导顾客，形象好。", "sf"),
    )),
    Trade("分拣员", "logistics", 0.5, (16000, 24000), (_hour(18, 26), PayRange(PIECE, 20, 40, 5)), (8, 20),
          ((1, 8), (1, 10)), (
        P("快递分拣员", "{place}电商大促包裹多，招分拣员，按单号扫描分拣，夜班提供宵夜。", "f"),
        P("水果分拣打包", "{place}水果分拣打包，按大小分级装箱。", "sf"),
        P("计件分拣员", "{place}包裹分拣，按件计酬，手脚麻利多劳多得。", "sf", PIECE),
    )),
    Trade("快递员", "logistics", 0.15, (20000, 28000), (_day(200, 280), PayRange(PIECE, 120, 200, 10)), (7, 8),
          ((1, 8), (1, 10)), (
        P("快递派送临时工", "{area}片区快递派送，自带电动车，熟悉{area}道路。", "f"),
        P("同城配送员", "{place}同城配送，按件计酬，送货上门，会用导航软件。", "sf", PIECE),
    ), related=("分拣员",)),
    Trade("叉车司机", "logistics", 0.03, (24000, 32000), (_day(250, 320),), (8,), ((1, 8), (1, 10)), (
        P("仓库叉车司机", "{place}叉车装卸货，须持叉车司机证（N1），有仓库经验。", "f"),
        P("物流园叉车工", "{place}月底出货多，招持证叉车司机，安全第一。", "f"),
    ), certificate="叉车司机证（N1）", related=("搬运工",)),
    Trade("司机", "logistics", 0.05, (26000, 36000), (_day(280, 380),), (6, 7, 8), ((1, 8), (1, 10), (2, 10)), (
        P("4.2米货车司机", "{place}出发，4.2米厢式货车送货到厦门，需C1以上驾照，车由我方提供。", "sf"),
        P("面包车送货司机", "{area}市内送货，开面包车，驾龄三年以上。", "sf"),
    ), certificate="机动车驾驶证", related=("搬运工",)),
    Trade("园林绿化", "general", 0.35, (17000, 23000), (_day(170, 230),), (7,), ((1, 8), (3, 8)), (
        P("绿化养护工", "{place}绿化带修剪、除草、浇水，工具由我方提供。", "sf"),
        P("苗木种植工", "{place}种植行道树和水仙花坛，能干体力活。", "sf"),
        P("庭院修剪", "{place}自家小院修剪花木、清理杂草。", "h"),
    )),
    Trade("保安", "general", 0.1, (15000, 20000), (_day(150, 200),), (8, 20), ((1, 12), (3, 12)), (
        P("活动临时保安", "{place}展会临时安保，维持秩序，统一着装。", "sf"),
        P("工地夜班保安", "{place}夜间看守材料，巡逻登记，有保安经验优先。", "f"),
    )),
    Trade("家电安装", "general", 0.02, (25000, 35000), (PayRange(PIECE, 8000, 20000, 1000), _day(250, 350)),
          (9, 14), ((1, 4), (1, 8)), (
        P("空调安装师傅", "{place}空调移机加装，按台计价，需会打孔抽真空，高空外机需系安全绳。", "hsf", PIECE),
        P("热水器安装", "{place}燃气热水器和油烟机安装，按台计价，带工具上门。", "hsf", PIECE),
        P("电器门店安装师傅", "{place}旺季送装忙，跟车送货安装空调和洗衣机。", "s", DAY),
    ), related=("电工", "高处作业")),
    Trade("护工", "care", 0.8, (20000, 28000), (_day(200, 280),), (8,), ((1, 24), (3, 24), (5, 24)), (
        P("医院陪护护工", "漳州市医院住院老人术后陪护，24小时，需耐心，会翻身擦洗。", "hsf"),
        P("居家老人护理", "{place}居家照顾行动不便老人，喂饭、擦洗、陪同散步。", "hsf"),
    ), certificate="养老护理员证", related=("家政",)),
    Trade("月嫂", "care", 1.0, (30000, 40000), (_day(300, 400),), (9,), ((3, 24), (5, 24)), (
        P("月嫂（短期住家）", "{place}产妇出院回家，短期住家月嫂，照顾产妇和新生儿，做月子餐。", "hsf"),
        P("顶班月嫂", "{place}顶班月嫂几天，需有母婴护理经验。", "hsf"),
    ), certificate="母婴护理证", related=("家政",)),
    Trade("采摘工", "general", 0.55, (15000, 20000), (_day(150, 200), PayRange(PIECE, 40, 80, 5)), (6, 7),
          ((1, 6), (1, 8), (3, 8)), (
        P("芦柑采摘工", "{place}芦柑成熟，招采摘工，剪果装筐，早上凉快时开工。", "f", DAY),
        P("香蕉采收临时工", "{place}香蕉采收搬运，按斤计件，能挑重担。", "f", PIECE),
    ), related=("普工",)),
)
# fmt: on

TRADE_NAMES: tuple[str, ...] = tuple(t.name for t in TRADES)
