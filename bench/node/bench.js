'use strict';
// The official Kalshi TypeScript SDK (kalshi-typescript, pinned in package.json) against the local exchange, as a
// long-lived worker: one JSON command per line on stdin, one JSON result per line on stdout, so the kalshi4j bench
// runner can alternate it round by round with the Java clients.
//
//   {"op":"rest","concurrency":N,"seconds":S}  signed GetExchangeStatus, N requests in flight (async loops)
//   {"op":"page","seconds":S}                  GetMarkets limit=1000, one at a time (axios JSON.parse)
//   {"op":"sign","variant":V,"seconds":S}      one RSA-PSS signature per call, V = "openssl-pss" (node:crypto with a
//                                              parsed KeyObject: OpenSSL's RSA-PSS) or "ts-sdk-auth" (the SDK's own
//                                              KalshiAuth.generateAuthHeaders, which parses the PEM on every call)
//   {"op":"versions"}                          node, OpenSSL and SDK versions
//
// Usage: node bench.js INFO_FILE   (INFO_FILE written by io.github.kalshi4j.bench.BenchExchange)

const fs = require('fs');
const crypto = require('crypto');
const readline = require('readline');
const axios = require('axios');
const { Configuration, ExchangeApi, MarketApi } = require('kalshi-typescript');
const { KalshiAuth } = require('kalshi-typescript/dist/auth');

const info = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const pem = fs.readFileSync(info.privateKeyFile, 'utf8');
const config = new Configuration({ apiKey: info.keyId, privateKeyPem: pem, basePath: info.restUrl });
// Each API object gets its own axios instance. With the default (the global axios), every API object registers
// another signing interceptor on the same instance, so a program with two API objects signs each request twice;
// the benchmark gives the SDK its best case.
const exchangeApi = new ExchangeApi(config, undefined, axios.create());
const marketApi = new MarketApi(config, undefined, axios.create());

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil(q * sorted.length) - 1;
  return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
}

function describe(latNs, seconds, extra) {
  const sorted = Float64Array.from(latNs).sort();
  return Object.assign({
    count: sorted.length,
    seconds,
    perSecond: sorted.length / seconds,
    p50us: quantile(sorted, 0.5) / 1e3,
    p90us: quantile(sorted, 0.9) / 1e3,
    p99us: quantile(sorted, 0.99) / 1e3,
  }, extra);
}

async function loop(call, concurrency, seconds) {
  const lat = [];
  let errors = 0;
  let firstError;
  const start = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const end = start + BigInt(Math.round(seconds * 1e9));
  async function worker() {
    for (;;) {
      const t0 = process.hrtime.bigint();
      if (t0 >= end) return;
      try {
        await call();
        lat.push(Number(process.hrtime.bigint() - t0));
      } catch (e) {
        errors++;
        if (!firstError) firstError = String(e && e.message ? e.message : e);
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  // The whole Node.js process's CPU (its one JS thread, GC and libuv threads) per completed call.
  const cpuUsPerCall = (cpu.user + cpu.system) / Math.max(1, lat.length);
  return describe(lat, elapsed, { errors, cpuUsPerCall, ...(firstError ? { firstError } : {}) });
}

async function rest(concurrency, seconds) {
  return loop(async () => {
    const r = await exchangeApi.getExchangeStatus();
    if (r.status !== 200 || r.data.exchange_active === undefined) throw new Error('bad status');
  }, concurrency, seconds);
}

async function page(seconds) {
  return loop(async () => {
    const r = await marketApi.getMarkets(1000);
    if (!r.data.markets || r.data.markets.length !== 1000) throw new Error('short page');
  }, 1, seconds);
}

function sign(variant, seconds) {
  const path = '/trade-api/v2/portfolio/balance';
  let call;
  if (variant === 'openssl-pss') {
    const key = crypto.createPrivateKey(pem);
    call = () => crypto.sign('sha256', Buffer.from(Date.now() + 'GET' + path), {
      key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32,
    }).toString('base64');
  } else if (variant === 'ts-sdk-auth') {
    const auth = new KalshiAuth(info.keyId, pem);
    call = () => auth.generateAuthHeaders('GET', path);
  } else {
    throw new Error('unknown variant ' + variant);
  }
  const lat = [];
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(seconds * 1e9));
  for (;;) {
    const t0 = process.hrtime.bigint();
    if (t0 >= end) break;
    call();
    lat.push(Number(process.hrtime.bigint() - t0));
  }
  return describe(lat, Number(process.hrtime.bigint() - start) / 1e9, { variant });
}

function versions() {
  const sdk = JSON.parse(fs.readFileSync(require.resolve('kalshi-typescript/package.json'), 'utf8'));
  const ax = JSON.parse(fs.readFileSync(require.resolve('axios/package.json'), 'utf8'));
  return { node: process.version, openssl: process.versions.openssl, sdk: sdk.version, axios: ax.version };
}

async function main() {
  const rl = readline.createInterface({ input: process.stdin });
  process.stdout.write(JSON.stringify({ ready: true }) + '\n');
  for await (const line of rl) {
    if (!line.trim()) continue;
    const cmd = JSON.parse(line);
    let result;
    try {
      switch (cmd.op) {
        case 'rest': result = await rest(cmd.concurrency || 1, cmd.seconds || 2); break;
        case 'page': result = await page(cmd.seconds || 2); break;
        case 'sign': result = sign(cmd.variant, cmd.seconds || 2); break;
        case 'versions': result = versions(); break;
        case 'quit': rl.close(); return;
        default: throw new Error('unknown op ' + line);
      }
    } catch (e) {
      result = { error: String(e && e.stack ? e.stack : e) };
    }
    process.stdout.write(JSON.stringify(result) + '\n');
  }
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
