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
import { AppLayout } from './ui/AppLayout';
import { AuthLayout } from './ui/AuthLayout';
import { SignInPage } from './features/auth/SignInPage';
import { SignUpPage } from './features/auth/SignUpPage';
import { AcceptInvitationPage } from './features/auth/AcceptInvitationPage';
import { ForgotPasswordPage } from './features/auth/ForgotPasswordPage';
import { ResetPasswordPage } from './features/auth/ResetPasswordPage';
import { OnboardingPage } from './features/onboarding/OnboardingPage';
import { ProfilePage } from './features/profile/ProfilePage';
import { DirectoryPage, parseDirectorySearch } from './features/directory/DirectoryPage';
import { HomeRedirect } from './features/profile/HomeRedirect';
import { NotFound, RouteError } from './ui/RouteFallbacks';

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
const signUpRoute = createRoute({ getParentRoute: () => publicLayout, path: 'sign-up', component: SignUpPage });
export const invitationRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'invitations/$token',
  component: AcceptInvitationPage,
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'forgot-password',
  component: ForgotPasswordPage,
});
const resetPasswordRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'reset-password/$token',
  component: ResetPasswordPage,
});

const appLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const session = await ensureSession(context.queryClient);
    if (!session) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    return { session };
  },
  component: AppLayout,
});

const homeRoute = createRoute({ getParentRoute: () => appLayout, path: '/', component: HomeRedirect });
const onboardingRoute = createRoute({ getParentRoute: () => appLayout, path: 'onboarding', component: OnboardingPage });
const profileRoute = createRoute({ getParentRoute: () => appLayout, path: 'profile', component: ProfilePage });
export const directoryRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'directory',
  validateSearch: parseDirectorySearch,
  component: DirectoryPage,
});

const adminLayout = createRoute({
  getParentRoute: () => appLayout,
  path: 'admin',
  beforeLoad: ({ context }) => {
    if (!context.session.roles.includes('admin')) throw redirect({ to: '/profile' });
  },
  component: lazyRouteComponent(() => import('./features/admin/AdminLayout'), 'AdminLayout'),
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
  component: lazyRouteComponent(() => import('./features/admin/ModerationPage'), 'ModerationPage'),
});
const charterRoute = createRoute({
  getParentRoute: () => adminLayout,
  path: 'charter',
  component: lazyRouteComponent(() => import('./features/admin/CharterAdminPage'), 'CharterAdminPage'),
});
const departmentsRoute = createRoute({
  getParentRoute: () => adminLayout,
  path: 'departments',
  component: lazyRouteComponent(() => import('./features/admin/DepartmentsPage'), 'DepartmentsPage'),
});
const themesRoute = createRoute({
  getParentRoute: () => adminLayout,
  path: 'themes',
  component: lazyRouteComponent(() => import('./features/admin/ThemesPage'), 'ThemesPage'),
});
const invitationsRoute = createRoute({
  getParentRoute: () => adminLayout,
  path: 'invitations',
  component: lazyRouteComponent(() => import('./features/admin/InvitationsPage'), 'InvitationsPage'),
});
const mailboxRoute = createRoute({
  getParentRoute: () => adminLayout,
  path: 'mailbox',
  component: lazyRouteComponent(() => import('./features/admin/MailboxPage'), 'MailboxPage'),
});
const ambassadorsRoute = createRoute({
  getParentRoute: () => adminLayout,
  path: 'ambassadors',
  component: lazyRouteComponent(() => import('./features/admin/AmbassadorsPage'), 'AmbassadorsPage'),
});
const adminRoutes = [
  moderationRoute,
  charterRoute,
  departmentsRoute,
  themesRoute,
  invitationsRoute,
  mailboxRoute,
  ambassadorsRoute,
] as const;

const routeTree = rootRoute.addChildren([
  publicLayout.addChildren([signInRoute, signUpRoute, invitationRoute, forgotPasswordRoute, resetPasswordRoute]),
  appLayout.addChildren([
    homeRoute,
    onboardingRoute,
    profileRoute,
    directoryRoute,
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
