/**
 * A transient progress line on a terminal: nothing for work that finishes
 * within `delayMs` (about a second), then a spinner with the elapsed time,
 * redrawn in place and erased when the work ends. Only on a TTY, and never
 * with --quiet; colour follows the caller's `color` flag.
 */
import { paint } from '../lint/report.js';

/** The part of a stream the progress line needs (process.stderr fits). */
export interface StatusStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  /** Changes the label shown after the spinner. */
  label(text: string): void;
  /** Erases the line (if drawn) and stops redrawing. */
  stop(): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const NO_PROGRESS: Progress = { label() {}, stop() {} };

export interface ProgressOptions {
  enabled: boolean;
  color: boolean;
  delayMs?: number;
  intervalMs?: number;
}

/** Starts a progress line on `stream` if it is a TTY and `enabled`. */
export function startProgress(stream: StatusStream, text: string, options: ProgressOptions): Progress {
  if (!options.enabled || !stream.isTTY) return NO_PROGRESS;
  const started = performance.now();
  let label = text;
  let frame = 0;
  let drawn = false;
  const draw = () => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const spinner = FRAMES[frame++ % FRAMES.length];
    stream.write(`\r\x1b[2K${options.color ? paint('cyan', spinner) : spinner} ${label} ${seconds} s`);
    drawn = true;
  };
  let interval: NodeJS.Timeout | undefined;
  const delay = setTimeout(() => {
    draw();
    interval = setInterval(draw, options.intervalMs ?? 80);
    interval.unref();
  }, options.delayMs ?? 1000);
  delay.unref();
  return {
    label(next) {
      label = next;
      if (drawn) draw();
    },
    stop() {
      clearTimeout(delay);
      if (interval) clearInterval(interval);
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
