const WAV_TYPES = new Set(['audio/vnd.wave', 'audio/wav', 'audio/wave', 'audio/x-wav']);
const MP3_TYPES = new Set(['audio/mpeg', 'audio/mp3', 'audio/mpeg3']);

/** The bytes served for a binary media type. */
export function sampleMedia(mediaType, random) {
  const type = (mediaType.split(';')[0] ?? '').trim().toLowerCase();
  if (WAV_TYPES.has(type)) return wavSilence(8000, 0.25);
  if (MP3_TYPES.has(type)) return mp3Silence(4);
  if (type === 'image/png') return PNG_1X1.slice();
  const bytes = new Uint8Array(64);
  for (let i = 0; i < bytes.length; i++) bytes[i] = random.int(0, 255);
  return bytes;
}

/** A RIFF/WAVE file: 8-bit mono PCM silence. */
export function wavSilence(sampleRate, seconds) {
  const samples = Math.round(sampleRate * seconds);
  const bytes = new Uint8Array(44 + samples);
  const view = new DataView(bytes.buffer);
  const ascii = (offset, text) =>
    [...text].forEach((c, i) => (bytes[offset + i] = c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate, true); // byte rate
  view.setUint16(32, 1, true); // block align
  view.setUint16(34, 8, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, samples, true);
  bytes.fill(0x80, 44); // 8-bit PCM silence is the midpoint
  return bytes;
}

/** MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, mono) carrying silence. */
export function mp3Silence(frames) {
  const frameLength = Math.floor((144 * 128000) / 44100); // 417 bytes
  const bytes = new Uint8Array(frameLength * frames);
  for (let f = 0; f < frames; f++) bytes.set([0xff, 0xfb, 0x90, 0xc4], f * frameLength);
  return bytes;
}

const PNG_1X1 = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
  0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
  0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
  0x42, 0x60, 0x82,
]);
