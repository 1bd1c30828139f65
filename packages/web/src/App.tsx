import { lazy, Suspense, useEffect } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useSession } from './auth/SessionProvider';
import { Layout } from './components/Layout';
import { Loading } from './components/ErrorMessage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PasswordChangePage } from './pages/PasswordChangePage';
import { homeOf } from './navigation';
import { lockKey } from './reporting/unlocked-key';

// Pages are split from the shell: each loads when first opened (and Plot with the chart pages).
const OverviewPage = lazy(() => import('./pages/OverviewPage'));
const ReleaseTimesPage = lazy(() => import('./pages/ReleaseTimesPage'));
const IntegrityPage = lazy(() => import('./pages/IntegrityPage'));
const FunnelPage = lazy(() => import('./pages/FunnelPage'));
const UnitPage = lazy(() => import('./pages/UnitPage'));
const PairsPage = lazy(() => import('./pages/PairsPage'));
const MirrorPage = lazy(() => import('./pages/MirrorPage'));
const CasesPage = lazy(() => import('./pages/CasesPage'));
const CasePage = lazy(() => import('./pages/CasePage'));
const NewCasePage = lazy(() => import('./pages/NewCasePage'));
const DataPage = lazy(() => import('./pages/DataPage'));
const SettingsPage = lazy(() => import('./pages/SettingsPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));
const InboxPage = lazy(() => import('./pages/InboxPage'));
const ReportPage = lazy(() => import('./pages/ReportPage'));
const ReportingKeyPage = lazy(() => import('./pages/ReportingKeyPage'));
const RecipientsPage = lazy(() => import('./pages/RecipientsPage'));
const SurveysPage = lazy(() => import('./pages/SurveysPage'));
const NewSurveyRoundPage = lazy(() => import('./pages/NewSurveyRoundPage'));
const SurveyRoundPage = lazy(() => import('./pages/SurveyRoundPage'));
const SurveyComparisonPage = lazy(() => import('./pages/SurveyComparisonPage'));
const TransparencyTextsPage = lazy(() => import('./pages/TransparencyTextsPage'));
const AccountPage = lazy(() => import('./pages/AccountPage'));

/** The app: login until a session exists, then the pages of the user's role. */
export function App() {
  const { state } = useSession();
  // Signing out (or a session that ends) forgets the reporting key unlocked in this tab.
  useEffect(() => {
    if (state.status === 'anonymous') lockKey();
  }, [state.status]);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'anonymous') return <LoginPage expired={state.expired} />;
  if (state.user.mustChangePassword) {
    return (
      <Layout nav={false}>
        <PasswordChangePage />
      </Layout>
    );
  }
  const home = homeOf(state.user.role);
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route
            path="/"
            element={home === '/' ? <OverviewPage /> : <Navigate to={home} replace />}
          />
          <Route path="/release-times" element={<ReleaseTimesPage />} />
          <Route path="/integrity" element={<IntegrityPage />} />
          <Route path="/integrity/funnels" element={<FunnelPage />} />
          <Route path="/integrity/pairs" element={<PairsPage />} />
          <Route path="/integrity/units/:kind/:unit" element={<UnitPage />} />
          <Route path="/mirror" element={<MirrorPage />} />
          <Route path="/cases" element={<CasesPage />} />
          <Route path="/cases/new" element={<NewCasePage />} />
          <Route path="/cases/:id" element={<CasePage />} />
          <Route path="/data" element={<DataPage />} />
          <Route path="/account" element={<AccountPage />} />
          <Route path="/settings" element={<SettingsPage />} />
          <Route path="/audit" element={<AuditPage />} />
          <Route path="/inbox" element={<InboxPage />} />
          <Route path="/inbox/key" element={<ReportingKeyPage />} />
          <Route path="/inbox/recipients" element={<RecipientsPage />} />
          <Route path="/inbox/:id" element={<ReportPage />} />
          <Route path="/surveys" element={<SurveysPage />} />
          <Route path="/surveys/new" element={<NewSurveyRoundPage />} />
          <Route path="/surveys/compare" element={<SurveyComparisonPage />} />
          <Route path="/surveys/:id" element={<SurveyRoundPage />} />
          <Route path="/published-texts" element={<TransparencyTextsPage />} />
          <Route path="/login" element={<Navigate to={home} replace />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
