/** Discord nests field errors by path: `{ data: { content: { _errors: [{ code, message }] } } }`. */
export type FormErrors = { [field: string]: FormErrors } | { _errors: { code: string; message: string }[] };

/** Collects field problems by path and renders them in Discord's nested `errors` shape. */
export class FormProblems {
  readonly #problems: { path: (string | number)[]; code: string; message: string }[] = [];

  add(path: (string | number)[], code: string, message: string): void {
    this.#problems.push({ path, code, message });
  }

  get empty(): boolean {
    return this.#problems.length === 0;
  }

  toErrors(prefix: (string | number)[] = []): FormErrors {
    const root: Record<string, unknown> = {};
    for (const problem of this.#problems) {
      let node = root;
      for (const key of [...prefix, ...problem.path]) node = (node[String(key)] ??= {}) as Record<string, unknown>;
      const list = (node._errors ??= []) as { code: string; message: string }[];
      list.push({ code: problem.code, message: problem.message });
    }
    return root as FormErrors;
  }
}

/** Records a string's length problem the way Discord words it. */
export function checkLength(
  problems: FormProblems,
  path: (string | number)[],
  value: unknown,
  max: number,
  min = 0,
): void {
  if (typeof value !== 'string') return;
  if (value.length > max) problems.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  if (value.length < min) problems.add(path, 'BASE_TYPE_MIN_LENGTH', `Must be ${min} or more in length.`);
}

/** Records a list's size problem the way Discord words it. */
export function checkCount(
  problems: FormProblems,
  path: (string | number)[],
  list: unknown[] | undefined,
  max: number,
  min = 0,
): void {
  if (!list) return;
  if (list.length > max) problems.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  if (list.length < min) problems.add(path, 'BASE_TYPE_MIN_LENGTH', `Must be ${min} or more in length.`);
}
