// WGS-84 ⇄ GCJ-02 for a map whose tiles are drawn in GCJ-02 (Chinese providers). The same formula as the server's
// `market.core.geo.wgs84_to_gcj02`, written from its definition; positions are stored in WGS-84 either way.

const A = 6378245.0;
const EE = 0.00669342162296594323;

function inMainlandChina(lat, lon) {
  return lat >= 0.8293 && lat <= 55.8271 && lon >= 72.004 && lon <= 137.8347;
}

function series(x, y, terms) {
  const p = Math.PI;
  return ((20 * Math.sin(6 * x * p) + 20 * Math.sin(2 * x * p)) * 2 / 3)
    + ((20 * Math.sin(y * p) + 40 * Math.sin(y / 3 * p)) * 2 / 3)
    + ((terms[0] * Math.sin(y / 12 * p) + terms[1] * Math.sin(y / 30 * p)) * 2 / 3);
}

/** {lat, lon} in GCJ-02 for a WGS-84 point; unchanged outside mainland China. */
export function toGcj02({ lat, lon }) {
  if (!inMainlandChina(lat, lon)) return { lat, lon };
  const x = lon - 105; const y = lat - 35;
  const dLat0 = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x)) + series(x, y, [160, 320]);
  const dLon0 = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x)) + series(x, x, [150, 300]);
  const rad = lat * Math.PI / 180;
  const magic = 1 - EE * Math.sin(rad) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  return {
    lat: lat + dLat0 * 180 / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI),
    lon: lon + dLon0 * 180 / (A / sqrtMagic * Math.cos(rad) * Math.PI),
  };
}

/** The WGS-84 point whose GCJ-02 image is the given point (a few fixed-point steps: the offset varies slowly). */
export function fromGcj02(point) {
  let guess = { ...point };
  for (let step = 0; step < 5; step += 1) {
    const image = toGcj02(guess);
    guess = { lat: guess.lat + point.lat - image.lat, lon: guess.lon + point.lon - image.lon };
  }
  return guess;
}
