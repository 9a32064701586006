// The JSON Schema of .opsaudit.yml: validates the config at run time and is published as schema/opsaudit.schema.json
// (a test keeps the published file equal to this object) so editors can complete and check the file.

/** Rule ids are `<family>/<rule-name>` (or a top-level built-in such as `parse-error`). */
export const RULE_ID_PATTERN = '^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*$';

/** JSON Schema draft-07 (the draft editors' YAML language servers support best). */
export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'opsaudit configuration (.opsaudit.yml)',
  description:
    'Project settings for opsaudit. `ignore` accepts findings the team has decided to live with: each entry needs a reason, ' +
    'may be limited to paths and may expire. Suppressed findings stay visible in the JSON and SARIF reports, marked suppressed.',
  type: 'object',
  additionalProperties: false,
  properties: {
    version: {
      description: 'Version of this file format. Only 1 exists.',
      const: 1,
    },
    ignore: {
      description: 'Findings to accept, by rule and optionally by path.',
      type: 'array',
      items: { $ref: '#/definitions/suppression' },
    },
  },
  definitions: {
    suppression: {
      type: 'object',
      additionalProperties: false,
      required: ['rule', 'reason'],
      properties: {
        rule: {
          description: 'The rule id, as listed by `opsaudit rules` (e.g. compose/redis-without-password).',
          type: 'string',
          pattern: RULE_ID_PATTERN,
        },
        reason: {
          description: 'Why the finding is acceptable here. Shown in every report next to the suppressed finding.',
          type: 'string',
          minLength: 1,
          pattern: '\\S',
        },
        paths: {
          description:
            'Limit the entry to findings located in these files (.gitignore pattern syntax: `docker-compose.dev.yml`, ' +
            '`deploy/local/**`, `/Dockerfile`). Without `paths` the rule is ignored everywhere.',
          type: 'array',
          minItems: 1,
          items: { type: 'string', minLength: 1 },
        },
        expires: {
          description:
            'Last day (YYYY-MM-DD) the entry applies. Afterwards the findings come back and the expired entry is itself reported ' +
            '(rule config/suppression-expired).',
          type: 'string',
          format: 'date',
        },
      },
    },
  },
} as const;
