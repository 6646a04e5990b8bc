import { unreachable } from '../../_lib/unreachable';
/** Strings as small integers and back: a value repeated over many records (a term, a teacher, a class) is kept once. */
export class Interner {
  private readonly ids = new Map<string, number>();
  private readonly values: string[] = [];

  /** The value's number, given on first sight. */
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  value(id: number): string {
    return this.values[id] ?? unreachable(`value ${id}`);
  }
}
