// A small LSP client for Red Hat's yaml-language-server (what VS Code's YAML extension runs), over
// stdio: open a file, read its diagnostics, ask for completion and hover — as a school author's
// editor does, driven by the `# yaml-language-server: $schema=` line atop the file.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export interface Diagnostic {
  readonly range: { readonly start: { readonly line: number; readonly character: number } };
  readonly message: string;
  readonly severity?: number;
}

export interface CompletionItem {
  readonly label: string;
  readonly documentation?: string | { readonly value: string };
}

type Message = {
  id?: number;
  method?: string;
  params?: { uri?: string; diagnostics?: Diagnostic[]; items?: { section?: string }[] };
  result?: unknown;
  error?: { message: string };
};

const SETTINGS = {
  yaml: {
    validate: true,
    completion: true,
    hover: true,
    schemaStore: { enable: false },
    format: { enable: false },
  },
};

export class LanguageServer {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private version = 0;
  private readonly pending = new Map<number, (message: Message) => void>();
  private readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly waiting = new Map<string, () => void>();

  constructor() {
    const bin = createRequire(import.meta.url).resolve('yaml-language-server/bin/yaml-language-server');
    this.child = spawn(process.execPath, [bin, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  async initialize(root: string): Promise<void> {
    await this.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: null,
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    });
    this.notify('initialized', {});
    this.notify('workspace/didChangeConfiguration', { settings: SETTINGS });
  }

  /** Opens a file (its text on disk, or `text`) and waits for the diagnostics the server publishes for it. */
  async open(file: string, text = readFileSync(file, 'utf8')): Promise<Diagnostic[]> {
    const uri = pathToFileURL(file).href;
    this.diagnostics.delete(uri);
    const published = new Promise<void>((resolve) => this.waiting.set(uri, resolve));
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: ++this.version, text } });
    await published;
    return this.diagnostics.get(uri) ?? [];
  }

  close(file: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri: pathToFileURL(file).href } });
  }

  async completion(file: string, line: number, character: number): Promise<CompletionItem[]> {
    const result = (await this.request('textDocument/completion', {
      textDocument: { uri: pathToFileURL(file).href },
      position: { line, character },
    })) as { items?: CompletionItem[] } | CompletionItem[] | null;
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  /** The hover text at a position, markdown or plain. */
  async hover(file: string, line: number, character: number): Promise<string> {
    const result = (await this.request('textDocument/hover', {
      textDocument: { uri: pathToFileURL(file).href },
      position: { line, character },
    })) as { contents?: string | { value: string } | (string | { value: string })[] } | null;
    const contents = result?.contents;
    const text = (part: string | { value: string }) => (typeof part === 'string' ? part : part.value);
    return contents === undefined ? '' : Array.isArray(contents) ? contents.map(text).join('\n') : text(contents);
  }

  async stop(): Promise<void> {
    await Promise.race([this.request('shutdown', null), new Promise((resolve) => setTimeout(resolve, 2000))]);
    this.notify('exit', null);
    this.child.kill();
  }

  private send(message: Record<string, unknown>): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (message) =>
        message.error ? reject(new Error(message.error.message)) : resolve(message.result),
      );
      this.send({ id, method, params });
    });
  }

  private notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const header = this.buffer.indexOf('\r\n\r\n');
      if (header < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, header).toString())?.[1]);
      if (this.buffer.length < header + 4 + length) return;
      const body = this.buffer.subarray(header + 4, header + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(header + 4 + length);
      this.handle(JSON.parse(body) as Message);
    }
  }

  private handle(message: Message): void {
    if (message.id !== undefined && message.method === undefined) {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
    } else if (message.method === 'textDocument/publishDiagnostics' && message.params?.uri) {
      this.diagnostics.set(message.params.uri, message.params.diagnostics ?? []);
      this.waiting.get(message.params.uri)?.();
      this.waiting.delete(message.params.uri);
    } else if (message.method === 'workspace/configuration' && message.id !== undefined) {
      const items = message.params?.items ?? [];
      this.send({ id: message.id, result: items.map((item) => (item.section === 'yaml' ? SETTINGS.yaml : null)) });
    } else if (message.id !== undefined) {
      this.send({ id: message.id, result: null });
    }
  }
}
