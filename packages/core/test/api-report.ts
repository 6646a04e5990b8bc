// The API report of a package entry: every name it exports with its signature, as Markdown, for a
// test to compare with the committed report (so that a change to the public API is seen in review).
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

const FLAGS =
  ts.TypeFormatFlags.NoTruncation |
  ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType |
  ts.TypeFormatFlags.WriteArrayAsGenericType;

const printer = ts.createPrinter({ removeComments: true });

/** The declaration files beside the sources that a program of the entry alone would miss (ambient modules). */
function ambient(src: string): string[] {
  return readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.d.ts'))
    .map((path) => join(src, path));
}

interface Entry {
  readonly name: string;
  readonly section: 'classes' | 'functions' | 'constants' | 'types';
  readonly text: string;
}

export function apiReport(entry: string, title: string): string {
  const src = dirname(entry);
  const program = ts.createProgram([entry, ...ambient(src)], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  const exported = checker.getExportsOfModule(module);
  const publicSymbols = new Set(exported.map((symbol) => resolved(symbol)));
  const entries: Entry[] = [];
  const unexported = new Map<string, Set<string>>();

  function resolved(symbol: ts.Symbol): ts.Symbol {
    return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  }

  /** A function as written: its type parameters, parameters (defaults shown as optional) and return type. */
  function signature(part: ts.FunctionDeclaration, name: string): string {
    const parameters = part.parameters.map((parameter) =>
      ts.factory.updateParameterDeclaration(
        parameter,
        undefined,
        parameter.dotDotDotToken,
        parameter.name,
        parameter.questionToken ??
          (parameter.initializer ? ts.factory.createToken(ts.SyntaxKind.QuestionToken) : undefined),
        parameter.type ??
          checker.typeToTypeNode(checker.getTypeAtLocation(parameter), part, ts.NodeBuilderFlags.NoTruncation),
        undefined,
      ),
    );
    const returns =
      part.type ??
      checker.typeToTypeNode(
        checker.getReturnTypeOfSignature(checker.getSignatureFromDeclaration(part)!),
        part,
        ts.NodeBuilderFlags.NoTruncation,
      );
    const written = ts.factory.createFunctionDeclaration(
      undefined,
      undefined,
      name,
      part.typeParameters,
      parameters,
      returns,
      undefined,
    );
    return printer.printNode(ts.EmitHint.Unspecified, written, part.getSourceFile()).replace(/;$/, '');
  }

  /** Notes the types a declaration names that live in the package's sources but are not exported. */
  function noteReferences(node: ts.Node, owner: string): void {
    const visit = (child: ts.Node): void => {
      if (ts.isTypeReferenceNode(child) || ts.isExpressionWithTypeArguments(child)) {
        const at = ts.isTypeReferenceNode(child) ? child.typeName : child.expression;
        const symbol = checker.getSymbolAtLocation(ts.isQualifiedName(at) ? at.left : at);
        const target = symbol && resolved(symbol);
        const file = target?.declarations?.[0]?.getSourceFile().fileName;
        const typeParameter = target !== undefined && (target.flags & ts.SymbolFlags.TypeParameter) !== 0;
        if (target && file && !typeParameter && !relative(src, file).startsWith('..') && !publicSymbols.has(target)) {
          const users = unexported.get(target.name) ?? new Set<string>();
          unexported.set(target.name, users.add(owner));
        }
      }
      ts.forEachChild(child, visit);
    };
    visit(node);
  }

  for (const symbol of exported) {
    const name = symbol.name;
    const target = resolved(symbol);
    const declaration = target.declarations?.[0];
    if (!declaration) continue;
    if (ts.isFunctionDeclaration(declaration)) {
      const overloads = (target.declarations ?? []).filter(ts.isFunctionDeclaration);
      const written = overloads.length > 1 ? overloads.filter((part) => !part.body) : overloads;
      const text = written.map((part) => signature(part, name)).join('\n');
      entries.push({ name, section: 'functions', text });
      for (const part of written) {
        for (const parameter of part.parameters) noteReferences(parameter, name);
        if (part.type) noteReferences(part.type, name);
      }
    } else if (ts.isVariableDeclaration(declaration)) {
      const type =
        declaration.type?.getText() ?? checker.typeToString(checker.getTypeOfSymbol(target), undefined, FLAGS);
      entries.push({ name, section: 'constants', text: `const ${name}: ${type}` });
      if (declaration.type) noteReferences(declaration.type, name);
    } else if (ts.isClassDeclaration(declaration)) {
      const members = checker
        .getPropertiesOfType(checker.getDeclaredTypeOfSymbol(target))
        .filter((member) => member.declarations?.some((d) => d.parent === declaration))
        .map(
          (member) => `  ${member.name}: ${checker.typeToString(checker.getTypeOfSymbol(member), undefined, FLAGS)};`,
        );
      const heritage = declaration.heritageClauses?.map((clause) => ` ${clause.getText()}`).join('') ?? '';
      const construct = checker
        .getTypeOfSymbol(target)
        .getConstructSignatures()
        .map(
          (signature) =>
            `  constructor${checker.signatureToString(signature, undefined, FLAGS).replace(/:[^:]*$/, '')};`,
        );
      entries.push({
        name,
        section: 'classes',
        text: [`class ${name}${heritage} {`, ...construct, ...members, '}'].join('\n'),
      });
      noteReferences(declaration, name);
    } else if (ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration)) {
      const source = declaration.getSourceFile();
      const inferred =
        ts.isTypeAliasDeclaration(declaration) && /\bz\.(infer|input|output)\b/.test(declaration.type.getText());
      const text = inferred
        ? `type ${name} = ${checker.typeToString(checker.getDeclaredTypeOfSymbol(target), declaration, FLAGS | ts.TypeFormatFlags.InTypeAlias)}`
        : printer
            .printNode(ts.EmitHint.Unspecified, declaration, source)
            .replace(/^export /, '')
            .replace(/^declare /, '');
      entries.push({
        name,
        section: 'types',
        text: text.replace(new RegExp(`^(interface|type) ${target.name}\\b`), `$1 ${name}`),
      });
      if (!inferred) noteReferences(declaration, name);
    }
  }

  const sections = [
    ['functions', 'Functions'],
    ['classes', 'Classes'],
    ['constants', 'Constants'],
    ['types', 'Types'],
  ] as const;
  const lines = [`# ${title}`, ''];
  for (const [section, heading] of sections) {
    const items = entries.filter((entry) => entry.section === section).sort((a, b) => (a.name < b.name ? -1 : 1));
    lines.push(`## ${heading} (${items.length})`, '', '```ts', ...items.flatMap((item) => [item.text, '']), '```', '');
  }
  lines.push('## Referenced, not exported', '');
  lines.push(
    ...(unexported.size === 0
      ? ['None: every type a public declaration names is exported too.']
      : [...unexported].sort().map(
          ([name, users]) =>
            `- \`${name}\`, named by ${[...users]
              .sort()
              .map((user) => `\`${user}\``)
              .join(', ')}`,
        )),
    '',
  );
  lines.push(
    ...findingData(
      checker,
      exported.find((symbol) => symbol.name === 'Decision'),
    ),
  );
  // A type the checker cannot name in scope is printed as import("<absolute path>").Name: the name alone
  // keeps the report the same in every checkout.
  return lines
    .join('\n')
    .replace(/\n\n```\n/g, '\n```\n')
    .replace(/import\("[^"]*"\)\./g, '');
}

/** Each code's data, from the findings of `Decision`: what `if (finding.code === …)` narrows to. */
function findingData(checker: ts.TypeChecker, decision: ts.Symbol | undefined): string[] {
  if (!decision) return [];
  const target = decision.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(decision) : decision;
  const findings = checker.getDeclaredTypeOfSymbol(target).getProperty('findings');
  if (!findings) return [];
  const array = checker.getTypeOfSymbol(findings);
  const element = checker.getIndexTypeOfType(array, ts.IndexKind.Number);
  if (!element) return [];
  const members = (element.isUnion() ? element.types : [element]).map((member) => {
    const code = checker.typeToString(checker.getTypeOfSymbol(member.getProperty('code')!), undefined, FLAGS);
    const data = checker.typeToString(checker.getTypeOfSymbol(member.getProperty('data')!), undefined, FLAGS);
    return `${code}: ${data}`;
  });
  return ['## Finding data by code', '', '```ts', ...members.sort(), '```', ''];
}
