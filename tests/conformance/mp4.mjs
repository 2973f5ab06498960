// What a user would check of a downloaded video: it is an MP4 (starts with ftyp), whole (every box fits), and has a
// video track of the expected size and an audio track.
import assert from 'node:assert/strict';

function boxes(buffer, start = 0, end = buffer.length) {
  const found = [];
  let offset = start;
  while (offset + 8 <= end) {
    let size = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    let header = 8;
    if (size === 1) {
      size = Number(buffer.readBigUInt64BE(offset + 8));
      header = 16;
    } else if (size === 0) {
      size = end - offset;
    }
    if (size < header || offset + size > end) throw new Error(`The ${type} box at ${offset} runs past the end of the file (truncated?).`);
    found.push({ type, start: offset + header, end: offset + size });
    offset += size;
  }
  if (offset !== end) throw new Error(`${end - offset} stray bytes after the last box.`);
  return found;
}

const child = (buffer, parent, type) => boxes(buffer, parent.start, parent.end).find((b) => b.type === type);

/** { brand, durationSeconds, tracks: [{ handler, width, height }] }; throws when the bytes are not a whole MP4. */
export function inspectMp4(buffer) {
  const top = boxes(buffer);
  assert.equal(top[0]?.type, 'ftyp', 'an MP4 starts with its ftyp box');
  const moov = top.find((b) => b.type === 'moov');
  assert.ok(moov, 'the MP4 has a moov box');
  assert.ok(top.some((b) => b.type === 'mdat'), 'the MP4 has an mdat box');

  const mvhd = child(buffer, moov, 'mvhd');
  const version = buffer[mvhd.start];
  const timescale = buffer.readUInt32BE(mvhd.start + (version === 1 ? 20 : 12));
  const duration = version === 1 ? Number(buffer.readBigUInt64BE(mvhd.start + 24)) : buffer.readUInt32BE(mvhd.start + 16);

  const tracks = boxes(buffer, moov.start, moov.end).filter((b) => b.type === 'trak').map((trak) => {
    const tkhd = child(buffer, trak, 'tkhd');
    const hdlr = child(buffer, child(buffer, trak, 'mdia'), 'hdlr');
    return {
      handler: buffer.toString('latin1', hdlr.start + 8, hdlr.start + 12),
      width: buffer.readUInt32BE(tkhd.end - 8) >>> 16,
      height: buffer.readUInt32BE(tkhd.end - 4) >>> 16,
    };
  });
  return { brand: buffer.toString('latin1', top[0].start, top[0].start + 4), durationSeconds: duration / timescale, tracks };
}

/** Asserts a whole MP4 with a width×height video track and an audio track (Veo 3.1 always renders audio). */
export function assertVideo(buffer, width, height) {
  assert.equal(buffer.toString('latin1', 4, 8), 'ftyp', 'the download starts like an MP4 (ftyp at byte 4)');
  const info = inspectMp4(buffer);
  const video = info.tracks.find((t) => t.handler === 'vide');
  assert.ok(video, 'the MP4 has a video track');
  assert.deepEqual({ width: video.width, height: video.height }, { width, height }, 'the video has the size asked for');
  assert.ok(info.tracks.some((t) => t.handler === 'soun'), 'the MP4 has an audio track');
  assert.ok(info.durationSeconds > 0, 'the MP4 has a duration');
  return info;
}
