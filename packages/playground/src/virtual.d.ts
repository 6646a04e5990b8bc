declare module 'virtual:schools' {
  /** A school folder of the repository, bundled as an example: its pack, earlier versions and scenarios. */
  const schools: readonly {
    readonly id: string;
    /** The school's name (`school:`), or the pack's name. */
    readonly title: string;
    /** `pack.yaml`, `versions/<name>.yaml`, `scenarios/<name>.yaml`, as in the folder. */
    readonly files: readonly { readonly file: string; readonly text: string }[];
  }[];
  export default schools;
}
