// The official `@google/genai` 2.32.0 (installed as the npm alias @google/genai-2), unmodified, against the emulator's
// Gemini dialect: ai.models.generateVideos → ai.operations.getVideosOperation until done → ai.files.download. That is the
// last release that sends predictLongRunning to the Gemini API, whose Veo ids shut down on 2026-10-22; the dialect lives
// on for gateways that still forward it (Register-VeoRoute -Dialect Gemini), so the emulator is started serving them.
//
// What the SDK refuses on the Gemini API before sending anything (read in its generateVideosConfigToMldev and
// imageToMldev): config.seed, generateAudio, fps, outputGcsUri, pubsubTopic, mask, compressionQuality, labels,
// resizeMode, and images given by gcsUri. So on this API the first frame, the last frame and reference images can only
// travel inline, as {bytesBase64Encoded, mimeType}.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ApiError, GoogleGenAI, VideoGenerationReferenceType } from '@google/genai-2';
import { sleep, startEmulator } from './emulator.mjs';
import { assertVideo, inspectMp4 } from './mp4.mjs';
import { checkCreateRequest, sdkVersion, testImage } from './recording.mjs';

const model = 'veo-3.1-fast-generate-preview';
const sdk = sdkVersion('@google/genai-2');
const landscapePng = testImage('frame-1280x720.png');
const landscapeJpeg = testImage('frame-1280x720.jpg');
const landscapeWebp = testImage('frame-1280x720.webp');
const inline = (image, mimeType) => ({ imageBytes: image.base64, mimeType });

let emulator;
let ai;
let downloads;

before(async () => {
  emulator = await startEmulator({ renderSeconds: 2, contentLagSeconds: 1, geminiVeoServed: true });
  ai = new GoogleGenAI({ vertexai: false, apiKey: emulator.key, httpOptions: { baseUrl: emulator.baseUrl } });
  downloads = mkdtempSync(join(tmpdir(), 'veo-genai-'));
});

after(async () => {
  await emulator?.stop();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

/** ai.operations.getVideosOperation until done, keeping every operation seen. */
async function pollUntilDone(operation) {
  const seen = [operation];
  const deadline = Date.now() + 30_000;
  while (!operation.done) {
    assert.ok(Date.now() < deadline, `operation ${operation.name} not done in 30 s`);
    await sleep(200);
    operation = await ai.operations.getVideosOperation({ operation });
    seen.push(operation);
  }
  return { operation, seen };
}

async function generateAndDownload(params, { width, height }) {
  const created = await ai.models.generateVideos(params);
  assert.match(created.name, new RegExp(`^models/${params.model}/operations/[a-z0-9]+$`));
  assert.equal(created.done, undefined, 'a new operation is not done');

  const { operation, seen } = await pollUntilDone(created);
  assert.ok(seen.length >= 2 && seen.slice(0, -1).every((op) => op.done === undefined), 'done is absent while rendering');
  assert.ok(seen.every((op) => op.name === created.name), 'the operation keeps its name');
  assert.equal(operation.done, true);
  assert.equal(operation.error, undefined);
  const videos = operation.response?.generatedVideos;
  assert.equal(videos?.length, 1, 'one generated video');
  assert.match(videos[0].video.uri, /^https:\/\/[^/]+\/v1beta\/files\/[a-z0-9]+:download\?alt=media$/);

  const downloadPath = join(downloads, `${created.name.split('/').at(-1)}.mp4`);
  await ai.files.download({ file: videos[0].video, downloadPath });
  assertVideo(readFileSync(downloadPath), width, height);
  return operation;
}

async function assertApiError(promise, status, ...messageParts) {
  await assert.rejects(promise, (error) => {
    assert.ok(error instanceof ApiError, `an ApiError, not ${error?.constructor?.name}: ${error?.message}`);
    assert.equal(error.status, status);
    for (const part of messageParts) assert.ok(error.message.includes(part), `"${part}" in ${error.message}`);
    return true;
  });
}

/** The SDK refuses on its own: nothing may reach the emulator. */
async function assertRefusedBeforeSending(params, messagePattern) {
  await emulator.clearRequests();
  await assert.rejects(ai.models.generateVideos(params), (error) => {
    assert.ok(!(error instanceof ApiError), `refused by the SDK itself, not by the service: ${error.message}`);
    assert.match(error.message, messagePattern);
    return true;
  });
  assert.deepEqual(await emulator.requests(), []);
}

describe(`${sdk} against the Gemini dialect`, () => {
  it('text to video: generateVideos, getVideosOperation until done, files.download gives a 1280x720 MP4', async () => {
    const prompt = 'A lighthouse at dusk, waves rolling in (genai text)';
    await generateAndDownload({
      model, source: { prompt },
      config: { aspectRatio: '16:9', resolution: '720p', durationSeconds: 8, negativePrompt: 'blurry, watermark' },
    }, { width: 1280, height: 720 });

    const request = await checkCreateRequest(emulator, {
      dialect: 'gemini', sdk, mode: 'text', prompt,
      call: "ai.models.generateVideos({ model: 'veo-3.1-fast-generate-preview', source: { prompt }, " +
        "config: { aspectRatio: '16:9', resolution: '720p', durationSeconds: 8, negativePrompt: 'blurry, watermark' } })",
    });
    assert.equal(request.path, `/v1beta/models/${model}:predictLongRunning`);
    assert.deepEqual(request.headers, { 'content-type': 'application/json', 'x-goog-api-key': '<api key>' });
    assert.deepEqual(request.body.parameters, { durationSeconds: 8, aspectRatio: '16:9', resolution: '720p', negativePrompt: 'blurry, watermark' });
  });

  it('extension: source.video of a generated video continues it into one MP4 of the source and 7 seconds', async () => {
    // As python-genai's test_generated_video_extension_poll does it: the generated video object, passed back as source.video.
    const first = await generateAndDownload({ model, source: { prompt: 'Rain on a window (genai extension source)' } }, { width: 1280, height: 720 });
    await emulator.clearRequests();

    const extended = await generateAndDownload({
      model, source: { prompt: 'Then the sun comes out', video: first.response.generatedVideos[0].video },
      config: { resolution: '720p' },
    }, { width: 1280, height: 720 });

    const create = (await emulator.requests()).find((r) => r.method === 'POST');
    const body = JSON.parse(create.jsonBody);
    assert.equal(body.instances[0].video.uri, first.response.generatedVideos[0].video.uri);
    const path = join(downloads, `${extended.name.split('/').at(-1)}.mp4`);
    assert.ok(Math.abs(inspectMp4(readFileSync(path)).durationSeconds - 15) < 0.1, 'an 8-second video extended by 7 seconds lasts 15');
  });

  it('portrait 1080p: aspectRatio 9:16 and resolution 1080p give a 1080x1920 MP4', async () => {
    const prompt = 'A waterfall in a narrow gorge (genai portrait 1080p)';
    await generateAndDownload({
      model, source: { prompt },
      config: { aspectRatio: '9:16', resolution: '1080p', durationSeconds: 8, personGeneration: 'allow_all' },
    }, { width: 1080, height: 1920 });

    await checkCreateRequest(emulator, {
      dialect: 'gemini', sdk, mode: 'text-portrait-1080p', prompt,
      call: "ai.models.generateVideos({ model: 'veo-3.1-fast-generate-preview', source: { prompt }, " +
        "config: { aspectRatio: '9:16', resolution: '1080p', durationSeconds: 8, personGeneration: 'allow_all' } })",
    });
  });

  it('image to video: the first frame travels inline as instances[0].image', async () => {
    const prompt = 'The lighthouse beam starts to turn (genai image)';
    await generateAndDownload({
      model, source: { prompt, image: inline(landscapePng, 'image/png') },
      config: { aspectRatio: '16:9', resolution: '720p', durationSeconds: 6 },
    }, { width: 1280, height: 720 });

    const request = await checkCreateRequest(emulator, {
      dialect: 'gemini', sdk, mode: 'image', prompt,
      call: "ai.models.generateVideos({ model: 'veo-3.1-fast-generate-preview', source: { prompt, image: { imageBytes: <base64>, mimeType: 'image/png' } }, " +
        "config: { aspectRatio: '16:9', resolution: '720p', durationSeconds: 6 } })",
    });
    assert.deepEqual(request.images, { 'instances[0].image': landscapePng.path });
    assert.deepEqual(Object.keys(request.body.instances[0].image), ['bytesBase64Encoded', 'mimeType']);
  });

  it('first and last frame: config.lastFrame travels inline as instances[0].lastFrame', async () => {
    const prompt = 'Day turns to night over the lighthouse (genai last frame)';
    await generateAndDownload({
      model, source: { prompt, image: inline(landscapePng, 'image/png') },
      config: { aspectRatio: '16:9', resolution: '1080p', durationSeconds: 8, lastFrame: inline(landscapeJpeg, 'image/jpeg') },
    }, { width: 1920, height: 1080 });

    const request = await checkCreateRequest(emulator, {
      dialect: 'gemini', sdk, mode: 'image-last-frame', prompt,
      call: "ai.models.generateVideos({ model: 'veo-3.1-fast-generate-preview', source: { prompt, image: { imageBytes, mimeType: 'image/png' } }, " +
        "config: { aspectRatio: '16:9', resolution: '1080p', durationSeconds: 8, lastFrame: { imageBytes, mimeType: 'image/jpeg' } } })",
    });
    assert.deepEqual(request.images, { 'instances[0].image': landscapePng.path, 'instances[0].lastFrame': landscapeJpeg.path });
  });

  it('reference images: up to three ASSET images travel as instances[0].referenceImages', async () => {
    const prompt = 'The same red boat in three harbours (genai reference images)';
    const references = [[landscapePng, 'image/png'], [landscapeJpeg, 'image/jpeg'], [landscapeWebp, 'image/webp']]
      .map(([image, mimeType]) => ({ image: inline(image, mimeType), referenceType: VideoGenerationReferenceType.ASSET }));
    await generateAndDownload({
      model, source: { prompt },
      config: { aspectRatio: '16:9', resolution: '720p', durationSeconds: 8, referenceImages: references },
    }, { width: 1280, height: 720 });

    const request = await checkCreateRequest(emulator, {
      dialect: 'gemini', sdk, mode: 'reference-images', prompt,
      call: "ai.models.generateVideos({ model: 'veo-3.1-fast-generate-preview', source: { prompt }, config: { aspectRatio: '16:9', resolution: '720p', " +
        'durationSeconds: 8, referenceImages: [png, jpeg, webp].map(image => ({ image: { imageBytes, mimeType }, referenceType: VideoGenerationReferenceType.ASSET })) } })',
    });
    assert.deepEqual(request.body.instances[0].referenceImages.map((r) => r.referenceType), ['ASSET', 'ASSET', 'ASSET']);
    assert.deepEqual(Object.values(request.images), [landscapePng.path, landscapeJpeg.path, landscapeWebp.path]);
  });

  it('the deprecated prompt/image arguments send the same body as source', async () => {
    const config = { aspectRatio: '16:9', resolution: '720p', durationSeconds: 4 };
    const image = inline(landscapePng, 'image/png');
    await ai.models.generateVideos({ model, source: { prompt: 'Same body (genai source)', image }, config });
    await ai.models.generateVideos({ model, prompt: 'Same body (genai legacy)', image, config });

    const bodies = (await emulator.requests())
      .filter((r) => r.path.endsWith(':predictLongRunning') && /^Same body/.test(JSON.parse(r.jsonBody).instances[0].prompt))
      .map((r) => JSON.parse(r.jsonBody));
    assert.equal(bodies.length, 2);
    bodies.forEach((body) => delete body.instances[0].prompt);
    assert.deepEqual(bodies[1], bodies[0]);
  });

  it('webhookConfig, which the SDK sends at the top level of the body, is accepted', async () => {
    const prompt = 'A webhook that nobody calls (genai webhook)';
    const operation = await ai.models.generateVideos({
      model, source: { prompt },
      config: { durationSeconds: 4, webhookConfig: { uris: ['https://example.invalid/veo-done'], userMetadata: { job: '42' } } },
    });
    assert.match(operation.name, /operations\//);

    const [request] = (await emulator.requests()).filter((r) => r.jsonBody?.includes(prompt));
    assert.deepEqual(JSON.parse(request.jsonBody).webhookConfig, { uris: ['https://example.invalid/veo-done'], userMetadata: { job: '42' } });
  });

  it('on the Gemini API the SDK itself refuses seed, generateAudio and gcsUri images, sending nothing', async () => {
    const onlyOnVertex = /only supported in .*(Vertex|Enterprise)/i;
    await assertRefusedBeforeSending({ model, source: { prompt: 'x' }, config: { seed: 7 } }, onlyOnVertex);
    await assertRefusedBeforeSending({ model, source: { prompt: 'x' }, config: { generateAudio: true } }, onlyOnVertex);
    await assertRefusedBeforeSending({ model, source: { prompt: 'x', image: { gcsUri: 'gs://bucket/frame.png', mimeType: 'image/png' } } }, onlyOnVertex);
    await assertRefusedBeforeSending({
      model, source: { prompt: 'x', image: inline(landscapePng, 'image/png') },
      config: { lastFrame: { gcsUri: 'gs://bucket/last.png', mimeType: 'image/png' } },
    }, onlyOnVertex);
  });

  it('a wrong key is ApiError 400 API_KEY_INVALID and creates nothing', async () => {
    const stranger = new GoogleGenAI({ vertexai: false, apiKey: 'not-the-key', httpOptions: { baseUrl: emulator.baseUrl } });
    await emulator.clearRequests();

    await assertApiError(stranger.models.generateVideos({ model, source: { prompt: 'Nobody pays for this' } }), 400, 'API_KEY_INVALID', 'API key not valid');
    assert.deepEqual((await emulator.requests()).map((r) => r.statusCode), [400]);
  });

  it('values Veo 3.1 does not render are ApiError 400 INVALID_ARGUMENT naming the field', async () => {
    const prompt = 'A refused request (genai)';
    await assertApiError(ai.models.generateVideos({ model, source: { prompt }, config: { durationSeconds: 5 } }),
      400, 'INVALID_ARGUMENT', 'durationSeconds');
    await assertApiError(ai.models.generateVideos({ model, source: { prompt }, config: { resolution: '1080p', durationSeconds: 4 } }),
      400, 'INVALID_ARGUMENT', 'durationSeconds to 8');
    await assertApiError(ai.models.generateVideos({ model, source: { prompt }, config: { aspectRatio: '1:1' } }),
      400, 'INVALID_ARGUMENT', 'aspectRatio');
    const four = Array.from({ length: 4 }, () => ({ image: inline(landscapePng, 'image/png'), referenceType: VideoGenerationReferenceType.ASSET }));
    await assertApiError(ai.models.generateVideos({ model, source: { prompt }, config: { referenceImages: four } }),
      400, 'INVALID_ARGUMENT', 'referenceImages');
    const style = [{ image: inline(landscapePng, 'image/png'), referenceType: VideoGenerationReferenceType.STYLE }];
    await assertApiError(ai.models.generateVideos({ model, source: { prompt }, config: { referenceImages: style } }),
      400, 'INVALID_ARGUMENT', 'referenceType');
    await assertApiError(ai.models.generateVideos({ model, source: { prompt }, config: { lastFrame: inline(landscapePng, 'image/png') } }),
      400, 'INVALID_ARGUMENT', 'lastFrame');
  });

  it('an unknown model is ApiError 404 NOT_FOUND', async () => {
    await assertApiError(ai.models.generateVideos({ model: 'veo-2.0-generate-001', source: { prompt: 'x' } }), 404, 'NOT_FOUND');
  });

  it('a 429 RESOURCE_EXHAUSTED reaches the caller as ApiError 429', async () => {
    await emulator.addFault({ kind: 'RateLimit', pathContains: ':predictLongRunning', retryAfterSeconds: 1 });
    await assertApiError(ai.models.generateVideos({ model, source: { prompt: 'Too many (genai)' } }), 429, 'RESOURCE_EXHAUSTED');
  });

  it('a failed operation is done with an error and no response', async () => {
    await emulator.addFault({ kind: 'FailTask', pathContains: ':predictLongRunning', errorMessage: 'The prompt was blocked by a safety filter.' });
    const created = await ai.models.generateVideos({ model, source: { prompt: 'A task that fails (genai)' } });

    const { operation } = await pollUntilDone(created);
    assert.equal(operation.done, true);
    assert.equal(operation.response, undefined);
    assert.deepEqual(operation.error, { code: 13, message: 'The prompt was blocked by a safety filter.' });
  });
});
