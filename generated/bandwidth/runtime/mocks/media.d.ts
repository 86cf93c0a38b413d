/**
 * Real bytes for binary media types, so a client that plays, parses or
 * stores a download gets a valid file: a WAV of silence, MP3 frames, a 1×1
 * PNG. Other binary types get deterministic pseudo-random bytes.
 */
import type { Random } from './random.js';
/** The bytes served for a binary media type. */
export declare function sampleMedia(mediaType: string, random: Random): Uint8Array;
/** A RIFF/WAVE file: 8-bit mono PCM silence. */
export declare function wavSilence(sampleRate: number, seconds: number): Uint8Array;
/** MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, mono) carrying silence. */
export declare function mp3Silence(frames: number): Uint8Array;
