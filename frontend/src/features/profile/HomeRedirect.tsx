import { Navigate } from '@tanstack/react-router';
import { useMe } from '../../api/queries/me';
import { QueryState } from '../../ui/QueryState';
import { landingPath } from './landing';

export function HomeRedirect() {
  const me = useMe();
  if (!me.data) return <QueryState isPending={me.isPending} error={me.error} onRetry={() => void me.refetch()} />;
  return <Navigate to={landingPath(me.data.data)} replace />;
}
