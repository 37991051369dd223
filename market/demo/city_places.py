"""Demo-city geography: the areas of Zhangzhou with centres, roads, housing estates and the gig stations."""

from __future__ import annotations

import math
import random
import zlib
from dataclasses import dataclass

from market.demo.city_models import DemoPlace, DemoStation

__all__ = [
    "AREAS",
    "AREAS_BY_NAME",
    "STATION_SPECS",
    "ZHANGZHOU_BBOX",
    "Area",
    "StationSpec",
    "demo_stations",
    "home_place",
    "jitter",
    "named_point",
    "random_area",
    "site_place",
    "street_place",
]

SPREAD_KM = 0.3
"""How far the jobs and homes at a named site or estate lie from its point."""

# (lat_min, lat_max, lon_min, lon_max): the prefecture-level city of Zhangzhou, WGS-84, generously rounded.
ZHANGZHOU_BBOX: tuple[float, float, float, float] = (23.5, 25.3, 116.9, 118.2)


@dataclass(frozen=True, slots=True)
class Area:
    """One district, county or zone of the city: where addresses and coordinates are drawn from."""

    name: str
    """Short name shown to people: 芗城区, 台商投资区 …"""
    address_prefix: str
    """How a postal address in the area begins: 漳州市芗城区, 漳州市台商投资区角美镇 …"""
    region_code: str
    """GB/T 2260 code of the county-level area (used for resident IDs and credit codes)."""
    lat: float
    lon: float
    radius_km: float
    """How far from the centre generated points may fall; kept inland and inside the built-up area."""
    weight: int
    """Relative share of people and work in the area."""
    roads: tuple[str, ...]
    estates: tuple[str, ...]
    """Housing estates (小区) used for household addresses."""
    sites: tuple[str, ...]
    """Work places used for firms' jobs: parks, markets, building sites."""


AREAS: tuple[Area, ...] = (
    Area(
        name="芗城区",
        address_prefix="漳州市芗城区",
        region_code="350602",
        lat=24.5105,
        lon=117.6530,
        radius_km=3.0,
        weight=26,
        roads=(
            "胜利西路",
            "胜利东路",
            "延安北路",
            "延安南路",
            "新华南路",
            "新华北路",
            "南昌路",
            "元光南路",
            "腾飞路",
            "瑞京路",
            "大同路",
            "北京路",
            "博爱道",
            "芝山路",
            "丹霞路",
            "江滨路",
        ),
        estates=("芝山花园", "金峰新村", "南昌苑", "丹霞名居", "瑞京花园", "大同小区", "腾飞花苑", "元光雅居"),
        sites=("古城片区改造项目工地", "金峰农贸市场", "漳州市医院后勤楼", "芝山公园东门", "南昌路步行街"),
    ),
    Area(
        name="龙文区",
        address_prefix="漳州市龙文区",
        region_code="350603",
        lat=24.5035,
        lon=117.7100,
        radius_km=3.0,
        weight=22,
        roads=("水仙大街", "九龙大道", "建元东路", "龙文北路", "蓝田路", "朝阳北路", "湖滨路", "江滨路"),
        estates=("碧湖花园", "蓝田新村", "水仙华府", "九龙江畔", "朝阳家园", "湖滨雅苑", "建元小区"),
        sites=("碧湖生态园", "万达广场后场", "蓝田工业园", "九龙大道安置房项目工地", "朝阳物流仓"),
    ),
    Area(
        name="龙海区",
        address_prefix="漳州市龙海区",
        region_code="350604",
        lat=24.4470,
        lon=117.8180,
        radius_km=2.5,
        weight=14,
        roads=("解放路", "人民东路", "人民西路", "榜山南路", "龙海大道", "紫泥路", "石码大道"),
        estates=("石码新村", "榜山花园", "龙江小区", "锦江苑", "紫泥家园"),
        sites=("石码老街修缮工地", "榜山工业集中区", "龙海水产批发市场", "港尾冷链仓库"),
    ),
    Area(
        name="长泰区",
        address_prefix="漳州市长泰区",
        region_code="350605",
        lat=24.6250,
        lon=117.7590,
        radius_km=2.5,
        weight=8,
        roads=("长兴路", "兴泰大道", "人民路", "城关路", "龙津路", "武安大道"),
        estates=("武安花园", "龙津新村", "长兴小区", "兴泰苑"),
        sites=("兴泰工业区", "长泰芦柑果场", "武安镇区道路改造工地"),
    ),
    Area(
        name="漳浦县",
        address_prefix="漳州市漳浦县绥安镇",
        region_code="350623",
        lat=24.1170,
        lon=117.6140,
        radius_km=2.5,
        weight=10,
        roads=("绥安路", "中山路", "府前街", "金浦路", "石斋路", "环城路"),
        estates=("绥安新村", "金浦花园", "石斋小区", "府前苑"),
        sites=("漳浦花卉基地", "绥安工业园", "金浦商贸城"),
    ),
    Area(
        name="台商投资区",
        address_prefix="漳州市台商投资区角美镇",
        region_code="350604",
        lat=24.5150,
        lon=117.9350,
        radius_km=2.5,
        weight=10,
        roads=("角美大道", "文圃路", "角江路", "台商大道", "锦宅路", "龙池路"),
        estates=("角美花园", "文圃新村", "锦宅小区", "台商新城"),
        sites=("角美工业园", "台商投资区电子产业园", "角美物流园", "文圃山安置房工地"),
    ),
    Area(
        name="高新区",
        address_prefix="漳州市高新区九湖镇",
        region_code="350602",
        lat=24.4600,
        lon=117.5800,
        radius_km=2.5,
        weight=6,
        roads=("圆山大道", "九湖路", "科技大道", "创业路", "靖圆路"),
        estates=("九湖新村", "圆山花园", "科创公寓"),
        sites=("圆山新城项目工地", "高新区食品产业园", "九湖农贸市场"),
    ),
    Area(
        name="南靖县",
        address_prefix="漳州市南靖县山城镇",
        region_code="350627",
        lat=24.5150,
        lon=117.3570,
        radius_km=2.0,
        weight=4,
        roads=("中山路", "山城大道", "和平路", "靖城路", "兰陵路"),
        estates=("山城新村", "兰陵花园", "和平小区"),
        sites=("南靖工业园", "山城镇茶叶合作社", "南靖县城市更新项目工地"),
    ),
)


@dataclass(frozen=True, slots=True)
class StationSpec:
    """A fixed gig station of the demo city (its place is given, not generated)."""

    name: str
    area: str
    street: str
    lat: float
    lon: float
    opening_hours: str
    phone: str


STATION_SPECS: tuple[StationSpec, ...] = (
    StationSpec(
        "漳州市零工市场服务中心", "芗城区", "胜利西路66号", 24.5121, 117.6462, "周一至周日 7:30-19:00", "0596-2160001"
    ),
    StationSpec(
        "芗城区东铺头零工驿站", "芗城区", "南昌路208号", 24.5018, 117.6668, "周一至周六 8:00-18:00", "0596-2160102"
    ),
    StationSpec(
        "芗城区芝山零工驿站", "芗城区", "芝山路35号", 24.5233, 117.6395, "周一至周六 8:00-18:00", "0596-2160203"
    ),
    StationSpec(
        "龙文区碧湖零工驿站", "龙文区", "水仙大街118号", 24.5072, 117.7041, "周一至周日 8:00-18:30", "0596-2630104"
    ),
    StationSpec(
        "龙文区蓝田零工服务站", "龙文区", "蓝田路52号", 24.4958, 117.7233, "周一至周五 8:30-17:30", "0596-2630205"
    ),
    StationSpec(
        "龙海区石码零工驿站", "龙海区", "解放路96号", 24.4462, 117.8155, "周一至周六 8:00-17:30", "0596-6510106"
    ),
    StationSpec(
        "长泰区武安零工驿站", "长泰区", "长兴路18号", 24.6237, 117.7566, "周一至周六 8:00-18:00", "0596-8320107"
    ),
    StationSpec(
        "漳浦县绥安零工服务站", "漳浦县", "府前街21号", 24.1176, 117.6118, "周一至周六 7:30-17:30", "0596-3260108"
    ),
    StationSpec(
        "台商投资区角美零工驿站",
        "台商投资区",
        "角美大道188号",
        24.5162,
        117.9311,
        "周一至周日 7:30-18:30",
        "0596-6780109",
    ),
    StationSpec(
        "高新区九湖零工驿站", "高新区", "九湖路8号", 24.4612, 117.5826, "周一至周五 8:30-17:30", "0596-2590110"
    ),
    StationSpec(
        "南靖县山城零工服务站", "南靖县", "山城大道75号", 24.5139, 117.3596, "周一至周六 8:00-17:30", "0596-7820111"
    ),
)

AREAS_BY_NAME: dict[str, Area] = {a.name: a for a in AREAS}


def jitter(rng: random.Random, lat: float, lon: float, radius_km: float) -> tuple[float, float]:
    """Return a point uniformly inside a disc of ``radius_km`` around (lat, lon), rounded to about 10 cm."""
    distance = radius_km * math.sqrt(rng.random())
    bearing = rng.uniform(0.0, 2.0 * math.pi)
    dlat = distance * math.cos(bearing) / 111.32
    dlon = distance * math.sin(bearing) / (111.32 * math.cos(math.radians(lat)))
    return round(lat + dlat, 6), round(lon + dlon, 6)


def random_area(rng: random.Random) -> Area:
    """Pick an area weighted by how much of the city lives and works there."""
    return rng.choices(AREAS, weights=[a.weight for a in AREAS])[0]


def named_point(area: Area, name: str) -> tuple[float, float]:
    """The fixed point of a named site or estate of ``area``: the same on every run (the city's place list has
    it), inside the area with room for `SPREAD_KM` around it."""
    fixed = random.Random(zlib.crc32(f"{area.name}/{name}".encode()))  # noqa: S311 (a stable map, not a secret)
    return jitter(fixed, area.lat, area.lon, area.radius_km - SPREAD_KM)


def street_place(rng: random.Random, area: Area, detail: str = "", near: str = "") -> tuple[DemoPlace, str]:
    """A street address in ``area`` (optionally followed by a detail) and a short label for descriptions; with
    ``near`` (an estate or site of the area), the position lies close to that place's fixed point."""
    road = rng.choice(area.roads)
    number = rng.randint(1, 320)
    if near:
        lat, lon = jitter(rng, *named_point(area, near), SPREAD_KM)
    else:
        lat, lon = jitter(rng, area.lat, area.lon, area.radius_km)
    return DemoPlace(f"{area.address_prefix}{road}{number}号{detail}", lat, lon, area.name), f"{road}{number}号"


def home_place(rng: random.Random, area: Area) -> tuple[DemoPlace, str]:
    """A flat in a housing estate: road, number, estate, building and room."""
    estate = rng.choice(area.estates)
    room = f"{rng.randint(1, 18)}{rng.randint(1, 4):02d}室"
    place, _ = street_place(rng, area, f"{estate}{rng.randint(1, 24)}栋{room}", near=estate)
    return place, estate


def site_place(rng: random.Random, area: Area) -> tuple[DemoPlace, str]:
    """A named work site (industrial park, market, building site) in ``area``."""
    site = rng.choice(area.sites)
    lat, lon = jitter(rng, *named_point(area, site), SPREAD_KM)
    return DemoPlace(f"{area.address_prefix}{site}", lat, lon, area.name), site


def demo_stations() -> list[DemoStation]:
    """The city's fixed gig stations, spread over every area."""
    stations = []
    for spec in STATION_SPECS:
        area = AREAS_BY_NAME[spec.area]
        place = DemoPlace(f"{area.address_prefix}{spec.street}", spec.lat, spec.lon, area.name)
        stations.append(DemoStation(spec.name, place, spec.opening_hours, spec.phone))
    return stations
