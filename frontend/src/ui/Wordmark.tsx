import { Link } from '@tanstack/react-router';

export function Wordmark({ to = '/' }: { to?: string }) {
  return (
    <Link to={to} className="wordmark" aria-label="Relais">
      Relais<span className="wordmark-dot">.</span>
    </Link>
  );
}
