// The official `@google/genai` 3.6.1, unmodified, against the emulator's Interactions dialect (the Google route, Gemini
// Omni): ai.interactions.create({background: true}) → ai.interactions.get until completed → the video in output_video
// (which the SDK finds in the last model_output step), and ai.interactions.cancel for one it no longer wants.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GoogleGenAI } from '@google/genai';
import { sleep, startEmulator } from './emulator.mjs';
import { assertVideo, inspectMp4 } from './mp4.mjs';
import { sdkVersion, testImage } from './recording.mjs';

const model = 'gemini-omni-1.2-flash';
const sdk = sdkVersion('@google/genai');

let emulator;
let ai;

before(async () => {
  emulator = await startEmulator({ renderSeconds: 2, contentLagSeconds: 0 });
  ai = new GoogleGenAI({ apiKey: emulator.key, httpOptions: { baseUrl: emulator.baseUrl } });
});

after(async () => {
  await emulator?.stop();
});

/** ai.interactions.get until the interaction leaves queued and in_progress, keeping every status seen. */
async function untilFinished(id) {
  const statuses = [];
  const deadline = Date.now() + 30_000;
  for (;;) {
    const interaction = await ai.interactions.get(id);
    statuses.push(interaction.status);
    if (!['queued', 'in_progress'].includes(interaction.status)) return { interaction, statuses };
    assert.ok(Date.now() < deadline, `interaction ${id} not finished in 30 s`);
    await sleep(200);
  }
}

function videoFormat(overrides = {}) {
  return { type: 'video', aspect_ratio: '16:9', resolution: '720p', duration: '8s', ...overrides };
}

describe(`${sdk} against the Interactions dialect (Gemini Omni)`, () => {
  it('makes a text-to-video interaction in the background, polls it and reads the video from output_video', async () => {
    const created = await ai.interactions.create({
      model,
      background: true,
      input: 'A paper boat drifts down a rainy gutter',
      response_format: videoFormat({ aspect_ratio: '9:16', resolution: '1080p', duration: '10s' }),
      generation_config: { video_config: { task: 'text_to_video' } },
    });
    assert.equal(created.status, 'queued');
    assert.match(created.id, /^v1_[a-z0-9]+$/);

    const { interaction, statuses } = await untilFinished(created.id);
    assert.equal(interaction.status, 'completed', `statuses seen: ${statuses.join(', ')}`);
    assert.equal(interaction.output_video?.mime_type, 'video/mp4');
    const bytes = Buffer.from(interaction.output_video.data, 'base64');
    assertVideo(bytes, 1080, 1920);
    assert.equal(Math.round(inspectMp4(bytes).durationSeconds), 10);
  });

  it('animates an image sent as an image block', async () => {
    const image = testImage('frame-1280x720.png');
    const created = await ai.interactions.create({
      model,
      background: true,
      input: [{ type: 'text', text: 'The boat sails off' }, { type: 'image', data: image.base64, mime_type: 'image/png' }],
      response_format: videoFormat({ duration: '4s' }),
      generation_config: { video_config: { task: 'image_to_video' } },
    });
    const { interaction } = await untilFinished(created.id);
    assert.equal(interaction.status, 'completed');
    assertVideo(Buffer.from(interaction.output_video.data, 'base64'), 1280, 720);
  });

  it('cancels an interaction it no longer wants, and the interaction stays cancelled', async () => {
    const created = await ai.interactions.create({ model, background: true, input: 'A long shot of a quiet harbour', response_format: videoFormat() });

    const cancelled = await ai.interactions.cancel(created.id);
    assert.equal(cancelled.status, 'cancelled');
    await sleep(2500);
    assert.equal((await ai.interactions.get(created.id)).status, 'cancelled');
  });

  it("refuses what the model does not make with Google's INVALID_ARGUMENT naming the field", async () => {
    await assert.rejects(
      ai.interactions.create({ model, background: true, input: 'x', response_format: videoFormat({ duration: '16s' }) }),
      (error) => {
        assert.match(error.message, /response_format\.duration 16s/);
        return true;
      });
  });
});
