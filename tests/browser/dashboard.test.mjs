// The dashboard in a real browser: Debian's headless Chromium driven by playwright-core, against a real
// `iotminer run --consent=true --api:readOnly=false` on demo work. It must show the hash rate rising above zero,
// chart the energy ledger's real cost and earnings, pause when the owner clicks Pause, fit a phone screen, and log no
// console error on the way.
// Run by tests/scripts/dashboard-browser.sh (which builds the agent and sets IOTMINER_DLL and TEST_RESULTS).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const dll = process.env.IOTMINER_DLL;
const results = process.env.TEST_RESULTS || join(import.meta.dirname, 'results');
const warmup = Number(process.env.DASHBOARD_WARMUP_S || 0);
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

// Starts the agent on a free port (api:port=0) and resolves with its dashboard address, read from the line it prints.
function startAgent(workDir) {
  const agent = spawn('dotnet', [dll, 'run', '--consent=true', '--api:readOnly=false', '--api:port=0',
    // Mine at once (not after 30 s of idle CPU) and keep MQTT's embedded broker off port 1883 of a shared machine.
    '--governor:idleOnly=false', '--mqtt:enabled=false', '--stateDirectory=' + join(workDir, 'state'),
    // A priced board, so the energy ledger has a cost to chart: 5 W at 0.30 EUR/kWh.
    '--energy:boardWatts=5', '--energy:pricePerKwh=0.3', '--energy:currency=EUR'],
  { cwd: workDir, env: { ...process.env, INVOCATION_ID: '', NOTIFY_SOCKET: '' } });
  let output = '';
  const address = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no dashboard address within 120 s; output:\n' + output)), 120_000);
    const read = (chunk) => {
      output += chunk;
      const match = /Dashboard and API: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    };
    agent.stdout.on('data', read);
    agent.stderr.on('data', read);
    agent.on('exit', (code) => { clearTimeout(timer); reject(new Error('iotminer exited with ' + code + ':\n' + output)); });
  });
  return { agent, address, output: () => output };
}

test('dashboard shows the hash rate and the energy chart, pauses on click and fits a phone', { timeout: 600_000 }, async () => {
  assert.ok(dll, 'IOTMINER_DLL must name the built iotminer.dll');
  mkdirSync(results, { recursive: true });
  const workDir = mkdtempSync(join(tmpdir(), 'iotminer-dashboard-'));
  const { agent, address } = startAgent(workDir);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
  const problems = [];
  try {
    const url = await address;
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.on('console', (message) => { if (message.type() === 'error') problems.push('console: ' + message.text()); });
    page.on('pageerror', (error) => problems.push('page error: ' + error.message));
    page.on('requestfailed', (request) => problems.push('request failed: ' + request.url()));

    await page.goto(url);
    // The live tile shows the status hash rate (H/s, averaged over the last minute): above zero once the demo hashes.
    await page.waitForFunction(() => {
      const text = document.getElementById('hashrate').textContent;
      return /^\d/.test(text) && parseFloat(text) > 0;
    }, null, { timeout: 180_000 });
    assert.match(await page.textContent('#state'), /^(mining|throttled)$/);
    assert.match(await page.textContent('#pools'), /demo work/);
    // Demo work earns a known nothing, not an unknown.
    assert.match(await page.textContent('#earnings'), /^0(\.0+)? coins per day \(demo work earns nothing\)$/);
    assert.equal(await page.isVisible('#controls'), true, 'controls are shown when the API is writable');
    if (warmup > 0) {
      await page.waitForTimeout(warmup * 1000);
      await page.reload();
      await page.waitForFunction(() => parseFloat(document.getElementById('hashrate').textContent) > 0, null, { timeout: 60_000 });
    }

    // The energy chart shows the ledger itself: today's cost bar appears after the ledger's first one-minute sample
    // and carries the cost GET /api/v1/energy gives (the page refetches every 30 s, the ledger samples every 60 s:
    // compare until both saw the same sample). Demo work's earnings bar is a known 0, not missing.
    const energy = async () => (await fetch(url + 'api/v1/energy?days=7')).json();
    const today = (await energy()).today.to;
    const costBar = `#chart-energy rect.cost[data-day="${today}"]`;
    await page.waitForSelector(costBar, { state: 'attached', timeout: 240_000 });
    let shown = NaN, row = null;
    for (const deadline = Date.now() + 120_000; Date.now() < deadline; await page.waitForTimeout(2000)) {
      shown = Number(await page.getAttribute(costBar, 'data-value'));
      row = (await energy()).days.find((d) => d.day === today);
      if (row && shown === row.energy_cost) break;
    }
    assert.equal(shown, row.energy_cost, 'the chart\'s cost bar is not the ledger\'s cost of today');
    assert.ok(row.kwh > 0 && shown > 0, 'today used energy and it cost something');
    // 0.30 EUR/kWh: the cost is the kWh × 0.3 (one sample of one interval, so no rounding beyond a double's).
    assert.ok(Math.abs(row.energy_cost - row.kwh * 0.3) <= 1e-12 * Math.max(1, row.kwh), 'cost = kWh × 0.30');
    assert.equal(await page.getAttribute(`#chart-energy rect.earned[data-day="${today}"]`, 'data-value'), '0');
    // Today's cost is the largest figure in the week: its bar spans the chart's full 94 units.
    assert.equal(await page.getAttribute(costBar, 'height'), '94.0');
    assert.match(await page.textContent('#energy-summary'), /^Last 7 days: [\d.e+-]+ kWh, cost [\d.e+-]+ EUR, expected earnings 0\.00 EUR, net -[\d.e+-]+ EUR$/);
    assert.match(await page.textContent('#energy-sources'), /cost: kWh × energy:pricePerKwh; .*earnings: demo work earns nothing/);
    await page.click('#energy-day');
    assert.match(await page.textContent('#energy-summary'), /^Today: /);
    assert.equal(await page.locator('#energy-axis span').count(), 1);
    await page.click('#energy-week');
    assert.equal(await page.locator('#energy-axis span').count(), 7);
    await page.screenshot({ path: join(results, 'dashboard.png'), fullPage: true });

    await page.click('#pause');
    await page.waitForFunction(() => document.getElementById('state').textContent === 'paused', null, { timeout: 30_000 });
    assert.match(await page.textContent('#reason'), /by the owner/);
    const status = await (await fetch(url + 'api/v1/status')).json();
    assert.equal(status.mining_enabled, false, 'the agent itself is paused, not only the page');
    await page.screenshot({ path: join(results, 'dashboard-paused.png'), fullPage: true });

    // A phone (390 × 844 CSS px, as an iPhone 12–15): nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, 'the page is ' + overflow + ' px wider than a phone screen');
    await page.screenshot({ path: join(results, 'dashboard-phone.png'), fullPage: true });

    assert.deepEqual(problems, [], 'the page logged errors');
  } finally {
    await browser.close();
    agent.kill('SIGTERM');
    await new Promise((resolve) => (agent.exitCode !== null ? resolve() : agent.on('exit', resolve)));
    rmSync(workDir, { recursive: true, force: true });
  }
});
