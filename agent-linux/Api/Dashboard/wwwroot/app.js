// The iotminer dashboard: plain JavaScript, no libraries, nothing fetched but this agent's own API (docs/api.md).
'use strict';

const tokenKey = 'iotminer-access-token';
const $ = (id) => document.getElementById(id);
let range = 60;            // minutes shown in the charts
let readOnly = true;
let lastHistory = [];
let roles = null;          // GET /api/v1: which endpoints this process has
let energyDays = 7;        // days shown in the energy chart: 1 (today) or 7
let lastEnergy = null;     // the latest GET /api/v1/energy?days=7

function headers(extra) {
  const h = Object.assign({ Accept: 'application/json' }, extra || {});
  const token = sessionStorage.getItem(tokenKey);
  if (token) h.Authorization = 'Bearer ' + token;
  return h;
}

// Fetches JSON from the API; on 401 asks for the token. Returns null when there is no answer to show.
async function api(path, options) {
  const response = await fetch(path, Object.assign({ cache: 'no-store' }, options || {}, { headers: headers(options && options.headers) }));
  if (response.status === 401) {
    $('token-form').hidden = false;
    throw new Error(sessionStorage.getItem(tokenKey) ? 'the access token was refused: enter the right one' : 'this API needs its access token');
  }
  const body = response.headers.get('content-type') && response.headers.get('content-type').includes('json') ? await response.json() : null;
  if (!response.ok) {
    const error = new Error(body && body.errors ? body.errors.join('; ') : 'HTTP ' + response.status);
    error.status = response.status;
    throw error;
  }
  return body;
}

function text(id, value) { $(id).textContent = value; }

function rate(hs) {
  const units = ['H/s', 'kH/s', 'MH/s', 'GH/s', 'TH/s'];
  let i = 0;
  while (hs >= 1000 && i < units.length - 1) { hs /= 1000; i++; }
  return hs.toFixed(hs < 10 ? 2 : 1) + ' ' + units[i];
}

function duration(seconds) {
  const d = Math.floor(seconds / 86400), h = Math.floor(seconds % 86400 / 3600), m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
  return (d ? d + ' d ' : '') + (d || h ? h + ' h ' : '') + m + ' min ' + (d ? '' : s + ' s');
}

function showStatus(s) {
  const state = $('state');
  state.textContent = s.state;
  state.className = 'badge ' + s.state;
  text('reason', s.reason || 'mining normally');
  text('device', s.device_id);
  text('version', s.version);
  text('hashrate', rate(s.hashrate_hs));
  text('temperature', s.temperature_c === null ? 'no sensor' : s.temperature_c.toFixed(1) + ' °C (target ' + s.target_temperature_c + ' °C)');
  text('duty', s.duty_percent.toFixed(0) + ' % (max ' + s.max_duty_percent + ' %)');
  text('threads', s.threads + ' of ' + s.max_threads);
  text('shares-count', s.accepted + ' / ' + s.rejected + ' / ' + s.stale);
  text('best', s.best_difficulty.toPrecision(4));
  text('uptime', duration(s.uptime_s));
  text('engine', s.algo + ', ' + s.engine);
  text('pool', 'mining on: ' + (s.pool || 'no pool'));
  $('pause').disabled = !s.mining_enabled;
  $('resume').disabled = s.mining_enabled;
  $('limit-threads').max = s.max_threads;
  for (const [id, value] of [['limit-temp', s.target_temperature_c], ['limit-duty', s.max_duty_percent], ['limit-threads', s.threads || s.max_threads]]) {
    if (document.activeElement !== $(id) && $(id).value === '') $(id).value = value;
  }
}

function cell(row, value, className) {
  const td = document.createElement('td');
  td.textContent = value;
  if (className) td.className = className;
  row.appendChild(td);
}

function showShares(body) {
  const rows = body.shares.map((share) => {
    const tr = document.createElement('tr');
    cell(tr, new Date(share.found_at).toLocaleTimeString());
    cell(tr, share.difficulty.toPrecision(4));
    cell(tr, share.result || 'pending', share.result || '');
    cell(tr, share.reason || '');
    return tr;
  });
  if (rows.length === 0) {
    const tr = document.createElement('tr');
    cell(tr, 'no share yet');
    rows.push(tr);
  }
  $('shares').replaceChildren(...rows);
}

function showAgent(a) {
  readOnly = a.read_only;
  $('controls').hidden = readOnly;
  text('consent', a.consent);
  text('power', a.power);
  text('earnings', !a.earnings ? 'not known'
    : a.earnings.per_day === null ? 'not known: ' + a.earnings.source
    : a.earnings.per_day.toPrecision(4) + ' ' + a.earnings.unit + ' per day (' + a.earnings.source + ')');
  const rows = a.pools.map((pool) => {
    const tr = document.createElement('tr');
    cell(tr, pool.url);
    cell(tr, pool.user);
    cell(tr, pool.role);
    cell(tr, pool.active ? 'active' : 'standby', pool.active ? 'accepted' : '');
    return tr;
  });
  if (rows.length === 0) {
    const tr = document.createElement('tr');
    cell(tr, 'local demo work: nothing is sent anywhere, nobody is paid');
    rows.push(tr);
  }
  $('pools').replaceChildren(...rows);
}

function showDevices(body) {
  $('devices-card').hidden = !body.gateway;
  const rows = body.devices.map((d) => {
    const tr = document.createElement('tr');
    cell(tr, d.device_id);
    cell(tr, rate(d.hashrate_hs));
    cell(tr, new Date(d.last_seen).toLocaleTimeString());
    cell(tr, d.accepted);
    cell(tr, d.rejected);
    return tr;
  });
  if (rows.length === 0) {
    const tr = document.createElement('tr');
    cell(tr, 'no device yet');
    rows.push(tr);
  }
  $('devices').replaceChildren(...rows);
}

// A line chart in an SVG of 300 × 100 units: one polyline over the last `range` minutes; gaps (no reading) break it.
function chart(id, samples, pick, unit) {
  const svg = $(id);
  const since = Date.now() - range * 60000;
  const points = samples.filter((s) => Date.parse(s.time) >= since && pick(s) !== null);
  svg.replaceChildren();
  if (points.length === 0) { text(id + '-range', 'no samples yet'); return; }
  const values = points.map(pick);
  const low = Math.min(0, ...values), high = Math.max(...values) || 1;
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
  line.setAttribute('points', points.map((s) => {
    const x = (Date.parse(s.time) - since) / (range * 60000) * 300;
    const y = 98 - (pick(s) - low) / (high - low) * 94;
    return x.toFixed(1) + ',' + y.toFixed(1);
  }).join(' '));
  svg.appendChild(line);
  text(id + '-range', 'from ' + low.toPrecision(3) + ' to ' + high.toPrecision(3) + ' ' + unit);
}

function showHistory(body) {
  lastHistory = body.samples;
  text('history-note', lastHistory.length === 0
    ? 'One-minute averages: the first one appears after the first full minute of running.'
    : lastHistory.length + ' one-minute averages kept (at most 24 h).');
  chart('chart-hashrate', lastHistory, (s) => s.hashrate_hs, 'H/s');
  chart('chart-temperature', lastHistory, (s) => s.temperature_c, '°C');
  chart('chart-duty', lastHistory, (s) => s.duty_percent, '%');
}

// The local dates from `from` to `to` (yyyy-MM-dd, as the agent counts its days), oldest first.
function dates(from, to) {
  const list = [];
  for (let day = new Date(from + 'T00:00:00Z'); day <= new Date(to + 'T00:00:00Z'); day.setUTCDate(day.getUTCDate() + 1)) {
    list.push(day.toISOString().slice(0, 10));
  }
  return list;
}

function money(value, currency) { return value === null ? 'unknown' : value.toPrecision(3) + ' ' + currency; }

// Bars of energy cost and expected earnings per day (an SVG of 300 × 100 units); a day without a ledger row, or a
// figure unknown all day, has no bar. Every bar carries its day, kind and value for readers and tests.
function showEnergy(body) {
  lastEnergy = body;
  $('energy-card').hidden = false;
  const currency = body.currency || '¤';
  const period = energyDays === 1 ? body.today : body.last_7_days;
  const days = dates(energyDays === 1 ? body.today.from : body.last_7_days.from, body.today.to);
  const byDay = new Map(body.days.map((d) => [d.day, d]));
  const values = days.flatMap((day) => byDay.has(day) ? [byDay.get(day).energy_cost, byDay.get(day).earned] : []).filter((v) => v !== null);
  const high = Math.max(0, ...values.map(Math.abs)) || 1;
  const svg = $('chart-energy');
  svg.replaceChildren();
  const slot = 300 / days.length;
  days.forEach((day, i) => {
    const row = byDay.get(day);
    if (!row) return;
    [['cost', row.energy_cost], ['earned', row.earned]].forEach(([kind, value], k) => {
      if (value === null) return;
      const bar = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
      const height = Math.abs(value) / high * 94;
      bar.setAttribute('x', (i * slot + slot * (0.1 + 0.4 * k)).toFixed(1));
      bar.setAttribute('width', (slot * 0.38).toFixed(1));
      bar.setAttribute('y', (98 - height).toFixed(1));
      bar.setAttribute('height', height.toFixed(1));
      bar.setAttribute('class', kind);
      bar.dataset.day = day;
      bar.dataset.value = String(value);
      const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
      title.textContent = day + ': ' + (kind === 'cost' ? 'energy cost ' : 'expected earnings ') + money(value, currency);
      bar.appendChild(title);
      svg.appendChild(bar);
    });
  });
  $('energy-axis').replaceChildren(...days.map((day) => {
    const label = document.createElement('span');
    label.textContent = byDay.has(day) ? day.slice(5) : day.slice(5) + ' –';
    return label;
  }));
  text('energy-scale', '(top of the chart: ' + money(high, currency) + ')');
  text('energy-summary', (energyDays === 1 ? 'Today' : 'Last 7 days') + ': ' + period.kwh.toPrecision(3) + ' kWh, cost '
    + money(period.energy_cost, currency) + ', expected earnings ' + money(period.earned, currency) + ', net ' + money(period.net, currency)
    + (body.currency ? '' : ' (set energy:currency to name the currency)'));
  const rows = days.filter((day) => byDay.has(day)).reverse().map((day) => {
    const d = byDay.get(day);
    const tr = document.createElement('tr');
    cell(tr, day);
    cell(tr, d.kwh.toPrecision(3) + ' kWh');
    cell(tr, money(d.energy_cost, currency));
    cell(tr, money(d.earned, currency));
    cell(tr, money(d.net, currency), d.net === null ? '' : d.net < 0 ? 'rejected' : 'accepted');
    return tr;
  });
  if (rows.length === 0) {
    const tr = document.createElement('tr');
    cell(tr, 'no ledger row yet: the first appears after a minute of running');
    rows.push(tr);
  }
  $('energy-days').replaceChildren(...rows);
  text('energy-sources', 'Sources: energy: ' + body.sources.kwh + '; cost: ' + body.sources.energy_cost
    + '; coins: ' + body.sources.expected_coins + '; earnings: ' + body.sources.earned + '.');
}

function setEnergyDays(days) {
  energyDays = days;
  $('energy-day').classList.toggle('on', days === 1);
  $('energy-week').classList.toggle('on', days === 7);
  if (lastEnergy) showEnergy(lastEnergy);
}

function problem(error) {
  $('problem').hidden = !error;
  text('problem', error ? 'Cannot reach the agent: ' + error.message : '');
}

async function refresh() {
  try {
    if (!roles) roles = await api('/api/v1');
    if (!roles.agent) { $('agent-tiles').hidden = true; text('reason', 'fleet gateway'); problem(null); return; }
    showStatus(await api('/api/v1/status'));
    showShares(await api('/api/v1/shares?limit=20'));
    problem(null);
  } catch (error) { problem(error); }
}

async function refreshSlow() {
  try {
    if (!roles) roles = await api('/api/v1');
    if (roles.agent) {
      showAgent(await api('/api/v1/agent'));
      showHistory(await api('/api/v1/history'));
      showEnergy(await api('/api/v1/energy?days=7'));
    }
    showDevices(await api('/api/v1/devices'));
  } catch (error) { problem(error); }
}

async function control(path, body) {
  try {
    const options = { method: body ? 'PUT' : 'POST' };
    if (body) { options.body = JSON.stringify(body); options.headers = { 'Content-Type': 'application/json' }; }
    showStatus(await api(path, options));
    text('control-result', 'done');
  } catch (error) { text('control-result', 'refused: ' + error.message); }
}

function setRange(minutes) {
  range = minutes;
  $('range-hour').classList.toggle('on', minutes === 60);
  $('range-day').classList.toggle('on', minutes === 1440);
  showHistory({ samples: lastHistory });
}

document.addEventListener('DOMContentLoaded', () => {
  $('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(tokenKey, $('token').value.trim());
    $('token-form').hidden = true;
    refresh(); refreshSlow();
  });
  $('pause').addEventListener('click', () => control('/api/v1/pause'));
  $('resume').addEventListener('click', () => control('/api/v1/resume'));
  $('limits').addEventListener('submit', (event) => {
    event.preventDefault();
    control('/api/v1/limits', {
      target_temperature: Number($('limit-temp').value),
      max_duty: Number($('limit-duty').value),
      threads: Number($('limit-threads').value),
    });
  });
  $('range-hour').addEventListener('click', () => setRange(60));
  $('range-day').addEventListener('click', () => setRange(1440));
  $('energy-day').addEventListener('click', () => setEnergyDays(1));
  $('energy-week').addEventListener('click', () => setEnergyDays(7));
  refresh(); refreshSlow();
  setInterval(refresh, 2000);
  setInterval(refreshSlow, 30000);
});
