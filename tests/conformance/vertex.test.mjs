// The official `@google/genai` package, unmodified, in Vertex AI mode (vertexai: true, project, location) against the
// emulator's Vertex dialect (the Vertex route): generateVideos → operations.getVideosOperation (fetchPredictOperation)
// until done, the videos inline as videoBytes, as a user writes it; and extension, a generated video passed back as
// source.video (the SDK's videoToVertex: videoBytes as bytesBase64Encoded, uri as gcsUri).
//
// How the SDK is pointed at the emulator without Google credentials: httpOptions.baseUrl is the emulator, and the token
// comes from googleAuthOptions.authClient, an OAuth2Client of google-auth-library (the SDK's own dependency) holding an
// access token that does not expire during the run, as `gcloud auth print-access-token` would give one. NodeAuth then
// asks that client for its headers (Authorization: Bearer <token>) and never looks for application default credentials.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiError, GoogleGenAI } from '@google/genai';
import { OAuth2Client } from 'google-auth-library';
import { sleep, startEmulator } from './emulator.mjs';
import { inspectMp4 } from './mp4.mjs';
import { sdkVersion } from './recording.mjs';

const model = 'veo-3.1-fast-generate-001';
const project = 'my-project';
const location = 'us-central1';
const sdk = sdkVersion('@google/genai');

let emulator;

/** A client in Vertex AI mode whose access token is <token>. */
function vertexClient(token) {
  const authClient = new OAuth2Client();
  authClient.setCredentials({ access_token: token, expiry_date: Date.now() + 3_600_000 });
  return new GoogleGenAI({ vertexai: true, project, location, httpOptions: { baseUrl: emulator.baseUrl }, googleAuthOptions: { authClient } });
}

before(async () => {
  emulator = await startEmulator({ renderSeconds: 2, contentLagSeconds: 1 });
});

after(async () => {
  await emulator?.stop();
});

async function pollUntilDone(ai, operation) {
  const deadline = Date.now() + 30_000;
  while (!operation.done) {
    assert.ok(Date.now() < deadline, `operation ${operation.name} not done in 30 s`);
    await sleep(200);
    operation = await ai.operations.getVideosOperation({ operation });
  }
  return operation;
}

describe(`${sdk} in Vertex AI mode against the Vertex dialect`, () => {
  it('two silent videos with a seed: the project/location path, fetchPredictOperation, each video inline', async () => {
    const ai = vertexClient(emulator.key);
    await emulator.clearRequests();

    const created = await ai.models.generateVideos({
      model, source: { prompt: 'A lighthouse at dusk (vertex)' },
      config: { numberOfVideos: 2, generateAudio: false, seed: 42, aspectRatio: '16:9', resolution: '720p', durationSeconds: 8 },
    });
    const resource = `projects/${project}/locations/${location}/publishers/google/models/${model}`;
    assert.match(created.name, new RegExp(`^${resource}/operations/[0-9a-f-]+$`));

    const operation = await pollUntilDone(ai, created);
    assert.equal(operation.error, undefined);
    const videos = operation.response?.generatedVideos;
    assert.equal(videos?.length, 2, 'two generated videos');
    for (const generated of videos) {
      assert.equal(generated.video.mimeType, 'video/mp4');
      const info = inspectMp4(Buffer.from(generated.video.videoBytes, 'base64'));
      const video = info.tracks.find((t) => t.handler === 'vide');
      assert.deepEqual({ width: video?.width, height: video?.height }, { width: 1280, height: 720 });
      assert.ok(!info.tracks.some((t) => t.handler === 'soun'), 'generateAudio: false gives a video without an audio track');
    }
    assert.equal(operation.response.raiMediaFilteredCount, 0);

    const requests = await emulator.requests();
    const create = requests.find((r) => r.path.endsWith(':predictLongRunning'));
    assert.equal(create.path, `/v1beta1/${resource}:predictLongRunning`);
    assert.equal(create.headers.Authorization ?? create.headers.authorization, `Bearer ${emulator.key}`);
    const body = JSON.parse(create.jsonBody);
    assert.deepEqual(body.parameters, { sampleCount: 2, durationSeconds: 8, seed: 42, aspectRatio: '16:9', resolution: '720p', generateAudio: false });
    const poll = requests.find((r) => r.path.endsWith(':fetchPredictOperation'));
    assert.equal(poll.method, 'POST');
    assert.equal(JSON.parse(poll.jsonBody).operationName, created.name);
  });

  it('outputGcsUri: the videos are gs:// objects', async () => {
    const ai = vertexClient(emulator.key);
    const created = await ai.models.generateVideos({
      model, source: { prompt: 'A harbour at dawn (vertex gcs)' }, config: { outputGcsUri: 'gs://my-bucket/veo/' },
    });
    const operation = await pollUntilDone(ai, created);
    const uri = operation.response.generatedVideos[0].video.uri;
    assert.equal(uri, `gs://my-bucket/veo/${created.name.split('/').at(-1)}/sample_0.mp4`);
  });

  it('extension: a generated video passed back as source.video (inline bytes, then a gs:// object) grows by 7 seconds', async () => {
    const ai = vertexClient(emulator.key);
    const first = await pollUntilDone(ai, await ai.models.generateVideos({
      model, source: { prompt: 'A lighthouse at dusk (vertex extend)' }, config: { aspectRatio: '9:16' },
    }));
    const extended = await pollUntilDone(ai, await ai.models.generateVideos({
      model, source: { prompt: 'Then the fog rolls in', video: first.response.generatedVideos[0].video },
    }));
    const inline = inspectMp4(Buffer.from(extended.response.generatedVideos[0].video.videoBytes, 'base64'));
    const video = inline.tracks.find((t) => t.handler === 'vide');
    assert.deepEqual({ width: video?.width, height: video?.height }, { width: 720, height: 1280 });
    assert.ok(Math.abs(inline.durationSeconds - 15) < 0.1, 'an 8-second video extended by 7 seconds lasts 15');
    const sent = JSON.parse((await emulator.requests()).findLast((r) => r.path.endsWith(':predictLongRunning')).jsonBody);
    assert.deepEqual(Object.keys(sent.instances[0].video).sort(), ['bytesBase64Encoded', 'mimeType']);

    const inBucket = await pollUntilDone(ai, await ai.models.generateVideos({
      model, source: { prompt: 'A harbour (vertex extend gcs)' }, config: { outputGcsUri: 'gs://my-bucket/veo/' },
    }));
    const fromBucket = await pollUntilDone(ai, await ai.models.generateVideos({
      model, source: { prompt: 'And the boats leave', video: inBucket.response.generatedVideos[0].video },
      config: { outputGcsUri: 'gs://my-bucket/veo/' },
    }));
    assert.match(fromBucket.response.generatedVideos[0].video.uri, /^gs:\/\/my-bucket\/veo\/.+\/sample_0\.mp4$/);
    const byUri = JSON.parse((await emulator.requests()).findLast((r) => r.path.endsWith(':predictLongRunning')).jsonBody);
    assert.deepEqual(byUri.instances[0].video, { gcsUri: inBucket.response.generatedVideos[0].video.uri, mimeType: 'video/mp4' });
  });

  it('a wrong token is refused with Google\'s 401 UNAUTHENTICATED', async () => {
    const ai = vertexClient('ya29.not-the-token');
    await assert.rejects(ai.models.generateVideos({ model, source: { prompt: 'x' } }), (error) => {
      assert.ok(error instanceof ApiError, `an ApiError, not ${error?.constructor?.name}: ${error?.message}`);
      assert.equal(error.status, 401);
      assert.ok(error.message.includes('UNAUTHENTICATED'), error.message);
      return true;
    });
  });
});
