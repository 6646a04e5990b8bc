import { z } from 'zod';

// The parts of the SARIF 2.1.0 schema (sarif-schema-2.1.0.json) this output uses, with their required fields.
const message = z.object({ text: z.string().min(1) }).strict();
const level = z.enum(['none', 'note', 'warning', 'error']);
export const SarifLog = z
  .object({
    $schema: z.literal('https://json.schemastore.org/sarif-2.1.0.json'),
    version: z.literal('2.1.0'),
    runs: z.array(
      z
        .object({
          tool: z.object({
            driver: z.object({
              name: z.string().min(1),
              version: z.string(),
              semanticVersion: z.string(),
              rules: z.array(
                z
                  .object({
                    id: z.string().regex(/^PR\d{4}$/),
                    name: z.string().optional(),
                    shortDescription: message,
                    fullDescription: message,
                    help: z.object({ text: z.string(), markdown: z.string() }).strict(),
                    defaultConfiguration: z.object({ level }).strict(),
                  })
                  .strict(),
              ),
            }),
          }),
          language: z.string(),
          columnKind: z.enum(['utf16CodeUnits', 'unicodeCodePoints']),
          results: z.array(
            z
              .object({
                ruleId: z.string(),
                ruleIndex: z.number().int().min(0),
                level,
                message,
                // Code scanning refuses a log in which any result lacks a location with a physical location.
                locations: z
                  .array(
                    z
                      .object({
                        physicalLocation: z
                          .object({
                            // SARIF's uri-reference: no backslash, space, non-ASCII or unescaped `#`, `?`.
                            artifactLocation: z
                              .object({ uri: z.string().regex(/^[A-Za-z0-9\-._~:/%!$&'()*+,;=@]+$/) })
                              .strict(),
                            region: z
                              .object({ startLine: z.number().int().min(1), startColumn: z.number().int().min(1) })
                              .strict()
                              .optional(),
                          })
                          .strict(),
                        logicalLocations: z
                          .array(z.object({ name: z.string().min(1), fullyQualifiedName: z.string().min(1) }).strict())
                          .min(1)
                          .optional(),
                      })
                      .strict(),
                  )
                  .min(1),
                properties: z.record(z.string(), z.unknown()),
              })
              .strict(),
          ),
          properties: z.record(z.string(), z.unknown()).optional(),
        })
        .strict(),
    ),
  })
  .strict();
