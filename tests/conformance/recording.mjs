// The create requests the SDKs send, as the emulator recorded them, kept for Veo's own providers to match field by field.
//
// Every test that creates a task passes its create request through checkCreateRequest:
//  - with VEO_RECORD=1 the raw recording is written to tests/conformance/recorded/ (git-ignored) and its normalized form
//    (no ports, boundaries or SDK headers; the key as <api key>) to tests/Veo.Core.Tests/Providers/*SdkRequests/<mode>.json;
//  - without it the normalized form must equal the committed fixture, so a new SDK version or an emulator change that
//    alters what reaches the wire fails here until the fixtures are refreshed on purpose.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './emulator.mjs';

export const recording = process.env.VEO_RECORD === '1';

const recordedDir = join(repoRoot, 'tests', 'conformance', 'recorded');
const providersDir = join(repoRoot, 'tests', 'Veo.Core.Tests', 'Providers');
const imagesDir = join(repoRoot, 'tests', 'TestData', 'images');
const apiKeyPlaceholder = '<api key>';

/** A committed test image: its bytes, base64 and repository path, so fixtures can name the file Veo should send. */
export function testImage(name) {
  const bytes = readFileSync(join(imagesDir, name));
  return { name, bytes, base64: bytes.toString('base64'), path: `tests/TestData/images/${name}` };
}

export function sdkVersion(packageName) {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'tests', 'conformance', 'node_modules', ...packageName.split('/'), 'package.json'), 'utf8'));
  // The package's own name: an npm alias (@google/genai-2 for 2.32.0) is the same SDK.
  return `${manifest.name} ${manifest.version}`;
}

const committedImages = () => readdirSync(imagesDir).map((name) => testImage(name));

function normalizeHeaders(headers, keep) {
  const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const result = {};
  for (const name of keep) {
    if (lower[name] === undefined) continue;
    result[name] = lower[name]
      .replace(/boundary=.*$/, 'boundary=<boundary>')
      .replace(/emulator-key/g, apiKeyPlaceholder);
  }
  return result;
}

/** JSON paths of inline images in a Gemini body, each with the committed file whose base64 it holds. */
function inlineImages(node, path, images, found = {}) {
  if (Array.isArray(node)) {
    node.forEach((item, i) => inlineImages(item, `${path}[${i}]`, images, found));
  } else if (node && typeof node === 'object') {
    if (typeof node.bytesBase64Encoded === 'string') {
      found[path] = images.find((image) => image.base64 === node.bytesBase64Encoded)?.path ?? '(not a committed test image)';
    }
    for (const [key, value] of Object.entries(node)) inlineImages(value, path ? `${path}.${key}` : key, images, found);
  }
  return found;
}

function normalizeGemini(request, sdk, mode, call) {
  const body = JSON.parse(request.jsonBody);
  return {
    sdk,
    mode,
    call,
    method: request.method,
    path: request.path,
    query: request.query,
    headers: normalizeHeaders(request.headers, ['content-type', 'x-goog-api-key', 'authorization']),
    images: inlineImages(body, '', committedImages()),
    body,
  };
}

function normalizeOpenAI(request, sdk, mode, call) {
  const images = committedImages();
  const fields = [...request.fields];
  const files = [...request.files];
  const parts = request.parts.map((part) => {
    if (part.fileName == null) {
      const index = fields.findIndex((field) => field.key === part.name);
      const [field] = fields.splice(index, 1);
      return part.contentType ? { name: part.name, value: field.value, contentType: part.contentType } : { name: part.name, value: field.value };
    }
    const index = files.findIndex((file) => file.fieldName === part.name && file.fileName === part.fileName);
    const [file] = files.splice(index, 1);
    const committed = images.find((image) => createHash('sha256').update(image.bytes).digest('hex') === file.sha256);
    return {
      name: part.name,
      filename: file.fileName,
      contentType: file.contentType,
      length: file.length,
      sha256: file.sha256,
      file: committed?.path ?? '(not a committed test image)',
    };
  });
  return {
    sdk,
    mode,
    call,
    method: request.method,
    path: request.path,
    query: request.query,
    headers: normalizeHeaders(request.headers, ['content-type', 'authorization', 'x-goog-api-key']),
    parts,
  };
}

const dialects = {
  gemini: {
    fixtureDir: join(providersDir, 'GeminiSdkRequests'),
    isCreate: (r) => r.method === 'POST' && r.path.endsWith(':predictLongRunning'),
    prompt: (r) => JSON.parse(r.jsonBody ?? '{}').instances?.[0]?.prompt,
    normalize: normalizeGemini,
  },
  openai: {
    fixtureDir: join(providersDir, 'OpenAISdkRequests'),
    isCreate: (r) => r.method === 'POST' && r.path === '/v1/videos',
    prompt: (r) => r.fields.find((f) => f.key === 'prompt')?.value,
    normalize: normalizeOpenAI,
  },
};

/**
 * Finds the create request the SDK sent with this prompt, records it (VEO_RECORD=1) or compares it with the committed
 * fixture, and returns it normalized.
 */
export async function checkCreateRequest(emulator, { dialect, sdk, mode, prompt, call }) {
  const kind = dialects[dialect];
  const matches = (await emulator.requests()).filter((r) => kind.isCreate(r) && kind.prompt(r) === prompt);
  assert.equal(matches.length, 1, `exactly one ${dialect} create request with the prompt "${prompt}" reached the emulator`);
  const [request] = matches;
  const normalized = kind.normalize(request, sdk, mode, call);
  const fixture = join(kind.fixtureDir, `${mode}.json`);

  if (recording) {
    mkdirSync(recordedDir, { recursive: true });
    writeFileSync(join(recordedDir, `${dialect}-${mode}.json`), `${JSON.stringify(request, null, 2)}\n`);
    mkdirSync(kind.fixtureDir, { recursive: true });
    writeFileSync(fixture, `${JSON.stringify(normalized, null, 2)}\n`);
  } else {
    assert.ok(existsSync(fixture), `${fixture} is missing: record it with VEO_RECORD=1 node --test (in tests/conformance)`);
    assert.deepEqual(normalized, JSON.parse(readFileSync(fixture, 'utf8')),
      `the ${sdk} ${mode} request differs from the committed fixture; if the change is intended, refresh with VEO_RECORD=1 node --test`);
  }
  return normalized;
}
