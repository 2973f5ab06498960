// The official `openai` package, unmodified, against the emulator's OpenAI-Videos dialect (the LaoZhang route):
// client.videos.create → retrieve until completed → downloadContent, as a user of that SDK would write it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import OpenAI, { AuthenticationError, BadRequestError, NotFoundError, toFile } from 'openai';
import { sleep, startEmulator } from './emulator.mjs';
import { assertVideo } from './mp4.mjs';
import { checkCreateRequest, sdkVersion, testImage } from './recording.mjs';

const model = 'veo-3.1-fast-generate-preview';
const sdk = sdkVersion('openai');
const statusOrder = ['queued', 'in_progress', 'completed'];

let emulator;
let client;

before(async () => {
  emulator = await startEmulator({ renderSeconds: 2, contentLagSeconds: 1 });
  client = new OpenAI({ baseURL: `${emulator.baseUrl}v1`, apiKey: emulator.key });
});

after(async () => {
  await emulator?.stop();
});

/** Polls client.videos.retrieve the way the SDK's users do, keeping every (status, progress) seen. */
async function retrieveUntilFinished(id) {
  const seen = [];
  const deadline = Date.now() + 30_000;
  for (;;) {
    const video = await client.videos.retrieve(id);
    assert.equal(video.id, id);
    seen.push({ status: video.status, progress: video.progress });
    if (video.status === 'completed' || video.status === 'failed') return { video, seen };
    assert.ok(Date.now() < deadline, `video ${id} did not finish in 30 s: ${JSON.stringify(seen)}`);
    await sleep(200);
  }
}

/** queued → in_progress → completed, never backwards, progress rising to 100. */
function assertProgression(seen) {
  const ranks = seen.map(({ status }) => statusOrder.indexOf(status));
  assert.ok(ranks.every((rank) => rank >= 0), `only known statuses: ${JSON.stringify(seen)}`);
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), `statuses never go backwards: ${JSON.stringify(seen)}`);
  assert.ok(seen.some(({ status }) => status === 'in_progress'), `the video was seen rendering: ${JSON.stringify(seen)}`);
  const progress = seen.map((s) => s.progress);
  assert.deepEqual(progress, [...progress].sort((a, b) => a - b), `progress never goes backwards: ${progress}`);
  assert.deepEqual(seen.at(-1), { status: 'completed', progress: 100 });
}

/**
 * downloadContent, retrying while the gateway still answers its IN_PROGRESS error just after "completed" (the SDK
 * surfaces it as a 400 BadRequestError). Returns the bytes and how many such answers were waited out.
 */
async function downloadWhenReady(id) {
  for (let lagAnswers = 0; ; lagAnswers++) {
    try {
      const response = await client.videos.downloadContent(id);
      return { response, bytes: Buffer.from(await response.arrayBuffer()), lagAnswers };
    } catch (error) {
      const contentNotReady = error instanceof BadRequestError && /IN_PROGRESS/.test(error.message);
      if (!contentNotReady || lagAnswers >= 100) throw error;
      await sleep(200);
    }
  }
}

async function createRenderAndDownload(params, { width, height }) {
  const created = await client.videos.create(params);
  assert.equal(created.object, 'video');
  assert.equal(created.model, params.model);
  assert.equal(created.status, 'queued');
  assert.equal(created.progress, 0);
  assert.equal(typeof created.id, 'string');
  assert.equal(typeof created.created_at, 'number');

  const { video, seen } = await retrieveUntilFinished(created.id);
  assertProgression(seen);
  assert.ok(video.completed_at >= video.created_at, 'completed_at is set, not before created_at');

  const { response, bytes } = await downloadWhenReady(video.id);
  assert.equal(response.headers.get('content-type'), 'video/mp4');
  assertVideo(bytes, width, height);
  return created;
}

describe(`${sdk} against the OpenAI-Videos dialect`, () => {
  it('text to video: create, retrieve until completed, downloadContent gives a 1280x720 MP4', async () => {
    const prompt = 'A lighthouse at dusk, waves rolling in (openai text)';
    await createRenderAndDownload({ model, prompt, seconds: '8', size: '1280x720' }, { width: 1280, height: 720 });

    const request = await checkCreateRequest(emulator, {
      dialect: 'openai', sdk, mode: 'text', prompt,
      call: "client.videos.create({ model: 'veo-3.1-fast-generate-preview', prompt, seconds: '8', size: '1280x720' })",
    });
    assert.deepEqual(request.parts.map((p) => p.name), ['model', 'prompt', 'seconds', 'size']);
    assert.equal(request.headers.authorization, 'Bearer <api key>');
  });

  it('image to video: the first frame goes up as the input_reference file part made by toFile', async () => {
    const prompt = 'The lighthouse beam starts to turn (openai input_reference)';
    const frame = testImage('frame-1280x720.png');
    await createRenderAndDownload({
      model, prompt, seconds: '8', size: '1280x720',
      input_reference: await toFile(frame.bytes, frame.name, { type: 'image/png' }),
    }, { width: 1280, height: 720 });

    const request = await checkCreateRequest(emulator, {
      dialect: 'openai', sdk, mode: 'input-reference', prompt,
      call: "client.videos.create({ model: 'veo-3.1-fast-generate-preview', prompt, seconds: '8', size: '1280x720', " +
        "input_reference: await toFile(bytes, 'frame-1280x720.png', { type: 'image/png' }) })",
    });
    const file = request.parts.at(-1);
    assert.deepEqual({ name: file.name, filename: file.filename, contentType: file.contentType, file: file.file },
      { name: 'input_reference', filename: 'frame-1280x720.png', contentType: 'image/png', file: frame.path });
  });

  it('an input_reference made by toFile without a type goes up as application/octet-stream and is a 400 naming it', async () => {
    const frame = testImage('frame-1280x720.png');
    const params = {
      model, prompt: 'An untyped upload (openai)', seconds: '8', size: '1280x720',
      input_reference: await toFile(frame.bytes, frame.name),
    };
    await assert.rejects(client.videos.create(params), (error) => {
      assert.ok(error instanceof BadRequestError, `a BadRequestError, not ${error?.constructor?.name}`);
      assert.equal(error.param, 'input_reference');
      assert.match(error.message, /application\/octet-stream/);
      return true;
    });
  });

  it('portrait 1080p: size 1080x1920 gives a 1080x1920 MP4', async () => {
    const prompt = 'A waterfall in a narrow gorge (openai portrait 1080p)';
    await createRenderAndDownload({ model, prompt, seconds: '8', size: '1080x1920' }, { width: 1080, height: 1920 });

    await checkCreateRequest(emulator, {
      dialect: 'openai', sdk, mode: 'text-portrait-1080p', prompt,
      call: "client.videos.create({ model: 'veo-3.1-fast-generate-preview', prompt, seconds: '8', size: '1080x1920' })",
    });
  });

  it('right after completed, downloadContent is a 400 saying IN_PROGRESS until the file is there', async () => {
    await emulator.addFault({ kind: 'ContentLag', pathContains: '/v1/videos', delaySeconds: 3 });
    const created = await client.videos.create({ model, prompt: 'A slow content lag (openai)', seconds: '4', size: '1280x720' });
    const { video } = await retrieveUntilFinished(created.id);
    assert.equal(video.status, 'completed');

    await assert.rejects(client.videos.downloadContent(video.id), (error) => {
      assert.ok(error instanceof BadRequestError, `a BadRequestError, not ${error?.constructor?.name}`);
      assert.equal(error.status, 400);
      assert.match(error.message, /IN_PROGRESS/);
      return true;
    });
    const { bytes, lagAnswers } = await downloadWhenReady(video.id);
    assert.ok(lagAnswers >= 1, 'the lag was waited out, not skipped');
    assertVideo(bytes, 1280, 720);
  });

  it('a wrong key is a 401 AuthenticationError and creates nothing', async () => {
    const stranger = new OpenAI({ baseURL: `${emulator.baseUrl}v1`, apiKey: 'not-the-key', maxRetries: 0 });
    await emulator.clearRequests();

    await assert.rejects(stranger.videos.create({ model, prompt: 'Nobody pays for this', seconds: '8', size: '1280x720' }), (error) => {
      assert.ok(error instanceof AuthenticationError, `an AuthenticationError, not ${error?.constructor?.name}`);
      assert.equal(error.status, 401);
      assert.equal(error.code, 'invalid_api_key');
      return true;
    });
    const requests = await emulator.requests();
    assert.deepEqual(requests.map((r) => [r.method, r.path, r.statusCode]), [['POST', '/v1/videos', 401]]);
  });

  // Values the SDK's own types offer (Sora's) that Veo 3.1 does not render: refused before anything is paid.
  for (const [field, value] of [['seconds', '12'], ['size', '1792x1024'], ['model', 'sora-2']]) {
    it(`${field}: '${value}' is a 400 BadRequestError naming ${field}`, async () => {
      const params = { model, prompt: `A refused ${field} (openai)`, seconds: '8', size: '1280x720', [field]: value };
      await assert.rejects(client.videos.create(params), (error) => {
        assert.ok(error instanceof BadRequestError, `a BadRequestError, not ${error?.constructor?.name}`);
        assert.equal(error.status, 400);
        assert.equal(error.param, field);
        assert.equal(error.type, 'invalid_request_error');
        assert.match(error.message, new RegExp(value.replace('.', '\\.')));
        return true;
      });
    });
  }

  // new-api answers an unknown task 400 {"code":"task_not_exist",...} on its task endpoints (relay/relay_task.go), and the
  // SDK reads that as a BadRequestError; its content endpoint answers 404 "Task not found" (controller/video_proxy.go).
  it('an unknown video id is a 400 BadRequestError with task_not_exist, as new-api answers', async () => {
    await assert.rejects(client.videos.retrieve('task_doesnotexist'), (error) => {
      assert.ok(error instanceof BadRequestError, `a BadRequestError, not ${error?.constructor?.name}`);
      // The envelope has no "error" object, so the SDK shows "400 status code (no body)": only the status tells.
      assert.equal(error.status, 400);
      return true;
    });
  });

  it('the content of an unknown video is a 404 NotFoundError', async () => {
    await assert.rejects(client.videos.downloadContent('task_doesnotexist'), (error) => {
      assert.ok(error instanceof NotFoundError, `a NotFoundError, not ${error?.constructor?.name}`);
      assert.equal(error.status, 404);
      return true;
    });
  });

  it('a failed render ends as status failed with the error, and its content is refused', async () => {
    await emulator.addFault({ kind: 'FailTask', pathContains: '/v1/videos', errorMessage: 'The prompt was blocked by a safety filter.' });
    const created = await client.videos.create({ model, prompt: 'A task that fails (openai)', seconds: '8', size: '1280x720' });

    const { video, seen } = await retrieveUntilFinished(created.id);
    assert.equal(video.status, 'failed');
    assert.ok(seen.every(({ status }) => status !== 'completed'));
    assert.equal(video.error.message, 'The prompt was blocked by a safety filter.');
    assert.equal(typeof video.error.code, 'string');
    await assert.rejects(client.videos.downloadContent(video.id), (error) => error instanceof BadRequestError && error.status === 400);
  });
});
