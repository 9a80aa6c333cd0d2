/**
 * The KPI formula language: numbers, + - * /, parentheses, named inputs and a few functions.
 * Parsed once into a tree (no eval, no code), evaluated many times over a map of inputs.
 *
 *   share(report:KS_CDS.phan_mem_qlnt, platform:schools.general)
 *   (platform:reports.on_time / platform:reports.expected) * 100
 *
 * A name is `source:path` (`report:FORM.FIELD`, `report_count:FORM.FIELD`, `platform:x.y`; a form
 * code may hold '-', so a minus after a name needs spaces) or a plain identifier. Functions: share(a, b) = a / b × 100, min(a, …), max(a, …), round(a, digits?).
 * Missing input or division by zero → no value (null), never Infinity or NaN.
 */

export type Expr =
  | { t: 'num'; v: number }
  | { t: 'name'; name: string }
  | { t: 'neg'; e: Expr }
  | { t: 'bin'; op: '+' | '-' | '*' | '/'; l: Expr; r: Expr }
  | { t: 'call'; fn: FunctionName; args: Expr[] };

const FUNCTIONS = { share: [2, 2], min: [1, 20], max: [1, 20], round: [1, 2] } as const;
export type FunctionName = keyof typeof FUNCTIONS;

/** A formula that does not parse: where (0-based character offset) and why, in both languages. */
export class FormulaError extends Error {
  readonly at: number;
  readonly vi: string;
  constructor(at: number, vi: string, en: string) {
    super(`${en} (at ${at})`);
    this.at = at;
    this.vi = `${vi} (vị trí ${at + 1})`;
  }
}

type Token =
  | { k: 'num'; v: number; at: number }
  | { k: 'name'; v: string; at: number }
  | { k: 'op'; v: string; at: number };

// After `source:`, segments are joined by '.' or '-' (report form codes like KS-CDS): write a
// minus after a named input with spaces around it.
const NAME = /[A-Za-z_][A-Za-z0-9_]*(?::[A-Za-z0-9_]+(?:[.-][A-Za-z0-9_]+)*)?/y;
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)/y;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if ('+-*/(),'.includes(c)) {
      out.push({ k: 'op', v: c, at: i });
      i++;
      continue;
    }
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(src);
    if (num) {
      out.push({ k: 'num', v: Number(num[0]), at: i });
      i += num[0].length;
      continue;
    }
    NAME.lastIndex = i;
    const name = NAME.exec(src);
    if (name) {
      out.push({ k: 'name', v: name[0], at: i });
      i += name[0].length;
      continue;
    }
    throw new FormulaError(i, `Ký tự không hợp lệ "${c}"`, `Unexpected character "${c}"`);
  }
  return out;
}

/** Parses a formula (at most 500 characters); throws FormulaError with the position. */
export function parseFormula(src: string): Expr {
  if (src.length > 500) throw new FormulaError(500, 'Công thức quá dài', 'The formula is too long');
  const toks = tokenize(src);
  let pos = 0;
  const peek = () => toks[pos];
  const atEnd = () => toks[pos]?.at ?? src.length;
  const expectOp = (v: string) => {
    const t = toks[pos];
    if (t?.k !== 'op' || t.v !== v) throw new FormulaError(atEnd(), `Thiếu "${v}"`, `Expected "${v}"`);
    pos++;
  };
  const expr = (): Expr => {
    let l = term();
    for (let t = peek(); t?.k === 'op' && (t.v === '+' || t.v === '-'); t = peek()) {
      pos++;
      l = { t: 'bin', op: t.v, l, r: term() };
    }
    return l;
  };
  const term = (): Expr => {
    let l = unary();
    for (let t = peek(); t?.k === 'op' && (t.v === '*' || t.v === '/'); t = peek()) {
      pos++;
      l = { t: 'bin', op: t.v, l, r: unary() };
    }
    return l;
  };
  const unary = (): Expr => {
    const t = peek();
    if (t?.k === 'op' && t.v === '-') {
      pos++;
      return { t: 'neg', e: unary() };
    }
    return primary();
  };
  const primary = (): Expr => {
    const t = peek();
    if (!t) throw new FormulaError(src.length, 'Công thức chưa kết thúc', 'Unexpected end of the formula');
    pos++;
    if (t.k === 'num') return { t: 'num', v: t.v };
    if (t.k === 'op' && t.v === '(') {
      const e = expr();
      expectOp(')');
      return e;
    }
    if (t.k === 'name') {
      const next = peek();
      if (next?.k === 'op' && next.v === '(') {
        if (!(t.v in FUNCTIONS)) throw new FormulaError(t.at, `Không có hàm "${t.v}"`, `Unknown function "${t.v}"`);
        const fn = t.v as FunctionName;
        pos++;
        const args: Expr[] = [];
        if (!(peek()?.k === 'op' && peek()?.v === ')')) {
          args.push(expr());
          while (peek()?.k === 'op' && peek()?.v === ',') {
            pos++;
            args.push(expr());
          }
        }
        expectOp(')');
        const [lo, hi] = FUNCTIONS[fn];
        if (args.length < lo || args.length > hi)
          throw new FormulaError(t.at, `Hàm ${fn} cần ${lo}–${hi} đối số`, `${fn} takes ${lo}–${hi} arguments`);
        return { t: 'call', fn, args };
      }
      return { t: 'name', name: t.v };
    }
    throw new FormulaError(t.at, `Không mong đợi "${t.v}"`, `Unexpected "${t.v}"`);
  };
  if (toks.length === 0) throw new FormulaError(0, 'Công thức trống', 'The formula is empty');
  const e = expr();
  if (pos < toks.length) {
    const t = toks[pos]!;
    throw new FormulaError(t.at, `Không mong đợi "${String(t.v)}"`, `Unexpected "${String(t.v)}"`);
  }
  return e;
}

/** The distinct input names a formula reads, in order of appearance. */
export function inputsOf(e: Expr): string[] {
  const seen = new Set<string>();
  const walk = (x: Expr): void => {
    if (x.t === 'name') seen.add(x.name);
    else if (x.t === 'neg') walk(x.e);
    else if (x.t === 'bin') {
      walk(x.l);
      walk(x.r);
    } else if (x.t === 'call') x.args.forEach(walk);
  };
  walk(e);
  return [...seen];
}

const finite = (n: number): number | null => (Number.isFinite(n) ? n : null);

/** Evaluates a parsed formula; a missing input or a division by zero gives null. */
export function evaluate(e: Expr, inputs: ReadonlyMap<string, number | null>): number | null {
  switch (e.t) {
    case 'num':
      return e.v;
    case 'name':
      return inputs.get(e.name) ?? null;
    case 'neg': {
      const v = evaluate(e.e, inputs);
      return v === null ? null : -v;
    }
    case 'bin': {
      const l = evaluate(e.l, inputs);
      const r = evaluate(e.r, inputs);
      if (l === null || r === null) return null;
      if (e.op === '+') return finite(l + r);
      if (e.op === '-') return finite(l - r);
      if (e.op === '*') return finite(l * r);
      return r === 0 ? null : finite(l / r);
    }
    case 'call': {
      const args = e.args.map((a) => evaluate(a, inputs));
      if (args.some((a) => a === null)) return null;
      const v = args as number[];
      if (e.fn === 'share') return v[1] === 0 ? null : finite((v[0]! / v[1]!) * 100);
      if (e.fn === 'min') return Math.min(...v);
      if (e.fn === 'max') return Math.max(...v);
      const f = 10 ** Math.max(0, Math.min(6, Math.trunc(v[1] ?? 0)));
      return Math.round(v[0]! * f) / f;
    }
  }
}
