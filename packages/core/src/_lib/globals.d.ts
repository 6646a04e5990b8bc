// structuredClone is in every runtime core supports (Node 17+, current browsers), but not in the
// ES2022 lib core compiles against (core has neither DOM nor Node types, to stay portable).
declare function structuredClone<T>(value: T): T;

// A data file's text, inlined by the build (tsup's raw plugin) and by vitest: `import text from './x.yaml?raw'`.
declare module '*?raw' {
  const text: string;
  export default text;
}
