import type { QueryClient } from '@tanstack/react-query';
import {
  type RouterHistory,
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { ensureSession } from './api/queries/session';
import { watchSignedOut } from './api/signedOut';
import { AuthLayout } from './ui/AuthLayout';
import { SignInPage } from './features/auth/SignInPage';
import { parseDirectorySearch } from './features/directory/search';
import { NotFound, RouteError } from './ui/RouteFallbacks';

/** Everything but the sign-in screen loads on demand, with the rest of Mantine's styles: the first
 * screen's script and stylesheet stay small. */
function lazy<T extends Record<string, unknown>, K extends keyof T>(importer: () => Promise<T>, name: K) {
  return lazyRouteComponent(() => Promise.all([importer(), import('./ui/allStyles')]).then(([module]) => module), name);
}

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
  errorComponent: RouteError,
});

const publicLayout = createRoute({ getParentRoute: () => rootRoute, id: 'public', component: AuthLayout });

const signInRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'sign-in',
  validateSearch: (
    search: Record<string, unknown>,
  ): { redirect?: string; deleted?: boolean; reset?: boolean; everywhere?: boolean } => ({
    redirect: typeof search.redirect === 'string' ? search.redirect : undefined,
    deleted: search.deleted === true || search.deleted === 'true' ? true : undefined,
    reset: search.reset === true || search.reset === 'true' ? true : undefined,
    everywhere: search.everywhere === true || search.everywhere === 'true' ? true : undefined,
  }),
  component: SignInPage,
});
const signUpRoute = createRoute({ getParentRoute: () => publicLayout, path: 'sign-up', component: lazy(() => import('./features/auth/SignUpPage'), 'SignUpPage') });
export const invitationRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'invitations/$token',
  component: lazy(() => import('./features/auth/AcceptInvitationPage'), 'AcceptInvitationPage'),
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'forgot-password',
  component: lazy(() => import('./features/auth/ForgotPasswordPage'), 'ForgotPasswordPage'),
});
const resetPasswordRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'reset-password/$token',
  component: lazy(() => import('./features/auth/ResetPasswordPage'), 'ResetPasswordPage'),
});

const verifyEmailRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'verify-email/$token',
  component: lazy(() => import('./features/auth/VerifyEmailPage'), 'VerifyEmailPage'),
});

const previewRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'preview/$token',
  component: lazy(() => import('./features/calendar/PreviewPage'), 'PreviewRoute'),
});

const appLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const session = await ensureSession(context.queryClient);
    if (!session) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    return { session };
  },
  component: lazy(() => import('./ui/AppLayout'), 'AppLayout'),
});

const homeRoute = createRoute({ getParentRoute: () => appLayout, path: '/', component: lazy(() => import('./features/profile/HomeRedirect'), 'HomeRedirect') });
const onboardingRoute = createRoute({ getParentRoute: () => appLayout, path: 'onboarding', component: lazy(() => import('./features/onboarding/OnboardingPage'), 'OnboardingPage') });
const profileRoute = createRoute({ getParentRoute: () => appLayout, path: 'profile', component: lazy(() => import('./features/profile/ProfilePage'), 'ProfilePage') });
export const directoryRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'directory',
  validateSearch: parseDirectorySearch,
  component: lazy(() => import('./features/directory/DirectoryPage'), 'DirectoryPage'),
});

const networksRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'networks',
  component: lazy(() => import('./features/networks/NetworksPage'), 'NetworksPage'),
});
const networkRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'networks/$slug',
  component: lazy(() => import('./features/networks/NetworkPage'), 'NetworkRoute'),
});
const gridEditorRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'networks/$slug/entries/$entryId',
  component: lazy(() => import('./features/grid/GridEditorPage'), 'GridEditorRoute'),
});
const reviewQueueRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'review',
  component: lazy(() => import('./features/review/ReviewQueuePage'), 'ReviewQueuePage'),
});

const adminLayout = createRoute({
  getParentRoute: () => appLayout,
  path: 'admin',
  beforeLoad: ({ context }) => {
    if (!context.session.roles.includes('admin')) throw redirect({ to: '/profile' });
  },
  component: lazy(() => import('./features/admin/AdminLayout'), 'AdminLayout'),
});

const adminIndex = createRoute({
  getParentRoute: () => adminLayout,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/admin/moderation' });
  },
});

const moderationRoute = createRoute({
  getParentRoute: () => adminLayout,
  path: 'moderation',
  component: lazy(() => import('./features/admin/ModerationPage'), 'ModerationPage'),
});
const charterRoute = createRoute({
  getParentRoute: () => adminLayout,
  path: 'charter',
  component: lazy(() => import('./features/admin/CharterAdminPage'), 'CharterAdminPage'),
});
const departmentsRoute = createRoute({
  getParentRoute: () => adminLayout,
  path: 'departments',
  component: lazy(() => import('./features/admin/DepartmentsPage'), 'DepartmentsPage'),
});
const themesRoute = createRoute({
  getParentRoute: () => adminLayout,
  path: 'themes',
  component: lazy(() => import('./features/admin/ThemesPage'), 'ThemesPage'),
});
const invitationsRoute = createRoute({
  getParentRoute: () => adminLayout,
  path: 'invitations',
  component: lazy(() => import('./features/admin/InvitationsPage'), 'InvitationsPage'),
});
const mailboxRoute = createRoute({
  getParentRoute: () => adminLayout,
  path: 'mailbox',
  component: lazy(() => import('./features/admin/MailboxPage'), 'MailboxPage'),
});
const ambassadorsRoute = createRoute({
  getParentRoute: () => adminLayout,
  path: 'ambassadors',
  component: lazy(() => import('./features/admin/AmbassadorsPage'), 'AmbassadorsPage'),
});
const planetAdminRoute = createRoute({
  getParentRoute: () => adminLayout,
  path: 'planet',
  component: lazy(() => import('./features/admin/PlanetAdminPage'), 'PlanetAdminPage'),
});
const adminRoutes = [
  moderationRoute,
  charterRoute,
  departmentsRoute,
  themesRoute,
  invitationsRoute,
  mailboxRoute,
  ambassadorsRoute,
  planetAdminRoute,
] as const;

const routeTree = rootRoute.addChildren([
  publicLayout.addChildren([signInRoute, signUpRoute, invitationRoute, forgotPasswordRoute, resetPasswordRoute, verifyEmailRoute, previewRoute]),
  appLayout.addChildren([
    homeRoute,
    onboardingRoute,
    profileRoute,
    directoryRoute,
    networksRoute,
    networkRoute,
    gridEditorRoute,
    reviewQueueRoute,
    adminLayout.addChildren([adminIndex, ...adminRoutes]),
  ]),
]);

export function makeRouter(queryClient: QueryClient, basepath = '/app', history?: RouterHistory) {
  const router = createRouter({
    routeTree,
    basepath,
    history,
    context: { queryClient },
    defaultPreload: 'intent',
    scrollRestoration: true,
  });
  // A 401 while inside the app (session expired or revoked): back to sign-in, then back here.
  watchSignedOut(queryClient, () => {
    const { location, matches } = router.state;
    if (!matches.some((match) => match.routeId === appLayout.id)) return;
    void router.navigate({ to: '/sign-in', search: { redirect: location.href }, replace: true });
  });
  return router;
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof makeRouter>;
  }
}
