import type { Position } from '../../findings/types';
import { unreachable } from '../../_lib/unreachable';

/**
 * What a position shares with its neighbours: its file, column and how its record number relates to
 * its line. Every field is present (undefined when absent), so that every frame has one shape and the
 * optimised code reading them stays.
 */
interface Frame {
  readonly file: string | undefined;
  readonly column: number;
  /** `record - line`, or undefined when the position has no record number. */
  readonly recordOffset: number | undefined;
}

/** Where no position was given. */
export const NOWHERE = -1;

/**
 * Positions as two integers, a line and a frame, instead of an object per record: the frames (file,
 * column, record offset) are few, usually one per file. Gives back positions equal to those added.
 */
export class Places {
  private readonly frames: Frame[] = [];
  private readonly byKey = new Map<string, number>();
  private lastFrame = NOWHERE;

  private frame(index: number): Frame {
    return this.frames[index] ?? unreachable(`frame ${index}`);
  }

  /** The frame of a position, or NOWHERE. */
  frameOf(position: Position | undefined): number {
    if (!position) return NOWHERE;
    const recordOffset = position.record === undefined ? undefined : position.record - position.line;
    if (this.lastFrame !== NOWHERE) {
      const last = this.frame(this.lastFrame);
      if (last.file === position.file && last.column === position.column && last.recordOffset === recordOffset)
        return this.lastFrame;
    }
    const key = `${position.file === undefined ? '-' : `+${position.file}`}\u0000${position.column}\u0000${recordOffset ?? '-'}`;
    let frame = this.byKey.get(key);
    if (frame === undefined) {
      frame = this.frames.length;
      this.frames.push({ file: position.file, column: position.column, recordOffset });
      this.byKey.set(key, frame);
    }
    this.lastFrame = frame;
    return frame;
  }

  position(line: number, frame: number): Position | undefined {
    if (frame === NOWHERE) return undefined;
    const { file, column, recordOffset } = this.frame(frame);
    return {
      ...(file !== undefined && { file }),
      line,
      column,
      ...(recordOffset !== undefined && { record: line + recordOffset }),
    };
  }

  /**
   * Whether place A comes after place B in the input (file, then line); a place beats NOWHERE. What a
   * finding cites is chosen by this order, never by the order records were added in.
   */
  after(lineA: number, frameA: number, lineB: number, frameB: number): boolean {
    if (frameB === NOWHERE) return frameA !== NOWHERE;
    if (frameA === NOWHERE) return false;
    const fileA = this.frame(frameA).file ?? '';
    const fileB = this.frame(frameB).file ?? '';
    return fileA > fileB || (fileA === fileB && lineA > lineB);
  }
}
