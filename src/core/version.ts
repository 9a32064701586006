// The tool's version, kept in one place (matches package.json; checked by a test).
export const VERSION = '0.1.0';
