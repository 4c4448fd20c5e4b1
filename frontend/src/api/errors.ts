/** problem+json errors as sent by every Relais service. */
import { fieldErrorText, problemText } from '../i18n/problems';

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  current_etag?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }

  /** What went wrong, in the interface's language (the server's `detail` only when nothing fits). */
  get text(): string {
    return problemText(this.problem);
  }

  /** The message for one field, matching "bio" as well as "body.bio", in the interface's language. */
  fieldMessage(field: string): string | undefined {
    const error = this.fieldErrors.find((e) => e.field === field || e.field.split('.').pop() === field);
    return error && fieldErrorText(this.problem, error);
  }

  get isStale(): boolean {
    return this.status === 412;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export async function problemFrom(response: Response): Promise<Problem> {
  const fallback: Problem = { status: response.status, title: response.statusText };
  const text = await response.text().catch(() => '');
  if (!text) return fallback;
  try {
    const body = JSON.parse(text) as Partial<Problem> & { detail?: unknown };
    const detail = typeof body.detail === 'string' ? body.detail : undefined;
    const errors = Array.isArray(body.errors)
      ? body.errors.filter(
          (e): e is FieldError =>
            typeof e === 'object' && e !== null && typeof e.field === 'string' && typeof e.message === 'string',
        )
      : undefined;
    return { ...fallback, ...body, status: response.status, detail, errors };
  } catch {
    return { ...fallback, detail: text.slice(0, 300) };
  }
}
