// Starts the built standalone Veo emulator (src/Veo.Emulator.Server) as its own process on 127.0.0.1, the way a user runs it, and drives
// it through its admin endpoints. Each test file starts one and stops it when its tests are done.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const emulatorKey = 'emulator-key';

const startTimeoutMs = 60_000;

/** The emulator's DLL: VEO_EMULATOR_DLL, else what `dotnet build src/Veo.Emulator.Server` (Debug or Release) left in bin/. */
export function emulatorDll() {
  if (process.env.VEO_EMULATOR_DLL) return process.env.VEO_EMULATOR_DLL;
  const bin = join(repoRoot, 'src', 'Veo.Emulator.Server', 'bin');
  for (const configuration of ['Debug', 'Release']) {
    const dir = join(bin, configuration);
    if (!existsSync(dir)) continue;
    for (const framework of readdirSync(dir).sort()) {
      const dll = join(dir, framework, 'Veo.Emulator.Server.dll');
      if (existsSync(dll)) return dll;
    }
  }
  throw new Error('The emulator is not built: run `dotnet build src/Veo.Emulator.Server -c Debug` first (or set VEO_EMULATOR_DLL).');
}

/**
 * Starts `dotnet Veo.Emulator.Server.dll --port 0 --key emulator-key ...` and waits for its
 * "Veo emulator listening on http://127.0.0.1:PORT/ (key: ...)" line.
 */
export async function startEmulator({ renderSeconds = 2, contentLagSeconds = 1, queueSeconds = 0.5, geminiVeoServed = false } = {}) {
  const args = [emulatorDll(), '--port', '0', '--key', emulatorKey, '--render-seconds', String(renderSeconds),
    '--content-lag-seconds', String(contentLagSeconds), '--queue-seconds', String(queueSeconds)];
  // The Gemini API's Veo ids shut down on 2026-10-22; only the predictLongRunning checks of @google/genai 2.32.0 ask for them.
  if (geminiVeoServed) args.push('--gemini-veo-served', 'true');
  const child = spawn('dotnet', args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DOTNET_NOLOGO: '1' } });
  let output = '';
  const baseUrl = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`The emulator did not start within ${startTimeoutMs} ms:\n${output}`)), startTimeoutMs);
    const read = (chunk) => {
      output += chunk;
      const match = /Veo emulator listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', (chunk) => { output += chunk; });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The emulator exited with ${code} before listening:\n${output}`));
    });
  });
  // Should the test process end without its after() hook, do not leave the emulator running.
  process.once('exit', () => child.kill('SIGKILL'));
  return new Emulator(child, baseUrl);
}

export class Emulator {
  constructor(child, baseUrl) {
    this.child = child;
    /** http://127.0.0.1:PORT/ */
    this.baseUrl = baseUrl;
    this.key = emulatorKey;
  }

  /** Every API request received so far, in order: method, path, query, headers, fields, files, parts, jsonBody, statusCode. */
  async requests() {
    return (await this.admin('GET', 'requests')).json();
  }

  async clearRequests() {
    await this.admin('DELETE', 'requests');
  }

  /** e.g. { kind: 'FailTask', pathContains: '/v1/videos', errorMessage: '...' } */
  async addFault(fault) {
    await this.admin('POST', 'faults', fault);
  }

  async clearFaults() {
    await this.admin('DELETE', 'faults');
  }

  async advanceClock(seconds) {
    await this.admin('POST', `clock/advance?seconds=${seconds}`);
  }

  async admin(method, path, body) {
    const response = await fetch(new URL(`_emulator/${path}`, this.baseUrl), {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} /_emulator/${path} answered ${response.status}: ${await response.text()}`);
    return response;
  }

  async stop() {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((done) => this.child.once('exit', done));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}

export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
