// Reads what a health endpoint's JSON body says about the database (django-health-check, custom views).

export type DatabaseState = { state: 'up' | 'down'; key: string; value: string } | null;

const DB_KEY = /^(db|database|databases|databasebackend|postgres|postgresql|pg|sql)$/i;
const UP = /^(ok|up|working|healthy|pass|passed|true|connected|available|green)$/i;
const DOWN = /(down|fail|error|unavailable|unhealthy|false|disconnected|timeout|timed out|refused|red|critical)/i;
const STATE_KEYS = ['status', 'state', 'healthy', 'ok', 'up'];

function judge(value: unknown): 'up' | 'down' | null {
  if (typeof value === 'boolean') return value ? 'up' : 'down';
  if (typeof value === 'string') return UP.test(value.trim()) ? 'up' : DOWN.test(value) ? 'down' : null;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const k of STATE_KEYS) {
      const entry = Object.entries(value).find(([key]) => key.toLowerCase() === k);
      if (entry) return judge(entry[1]);
    }
  }
  return null;
}

/** The first database entry in the body (depth-first), judged up or down; null when the body reports none. */
export function databaseState(body: string): DatabaseState {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  const walk = (node: unknown, depth: number): DatabaseState => {
    if (!node || typeof node !== 'object' || depth > 4) return null;
    for (const [key, value] of Object.entries(node)) {
      if (DB_KEY.test(key)) {
        const state = judge(value);
        if (state) return { state, key, value: typeof value === 'string' ? value : JSON.stringify(value) };
      }
    }
    for (const value of Object.values(node)) {
      const inner = walk(value, depth + 1);
      if (inner) return inner;
    }
    return null;
  };
  return walk(json, 0);
}
