/** An RFC 9457 problem as the API answers it: `errors` and `codes` are keyed by the JSON path of the bad value. */
export interface Problem {
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: Record<string, string[]>;
  codes?: { path: string; code: string }[];
  [member: string]: unknown;
}

/** A request the API refused or could not answer. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `The server answered ${status}.`);
    this.status = status;
    this.problem = problem;
  }

  /** Every message, with the JSON path it is about (or "" for the request as a whole). */
  get messages(): { path: string; message: string }[] {
    const errors = this.problem.errors;
    if (errors && Object.keys(errors).length > 0)
      return Object.entries(errors).flatMap(([path, list]) => list.map((message) => ({ path, message })));
    return [{ path: "", message: this.message }];
  }
}
