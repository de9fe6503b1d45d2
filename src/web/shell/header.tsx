import { useTranslation } from 'react-i18next';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import { LanguageSwitcher } from './language-switcher';

export function Header() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <header className="site-header no-print">
      <Link to="/" className="brand">
        <span className="brand-mark" aria-hidden="true">
          ⇄
        </span>
        Corridor
      </Link>
      <div className="header-tools">
        <Link to="/policy" className="header-link">
          {t('tracker.navLink')}
        </Link>
        <LanguageSwitcher />
        {session.status === 'signedIn' && session.me ? (
          <div className="account">
            <span className="account-name">{session.me.name}</span>
            <button
              type="button"
              className="button-quiet"
              onClick={async () => {
                await session.signOut();
                navigate('/sign-in');
              }}
            >
              {t('shell.signOut')}
            </button>
          </div>
        ) : null}
      </div>
    </header>
  );
}
