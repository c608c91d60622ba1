import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useLogout } from "../auth/useLogout.ts";
import { useMe } from "../auth/useMe.ts";
import { Dropdown } from "./Dropdown.tsx";
import { Icon } from "./Icon.tsx";

/** The logged-in user's menu in the slim header: profile and logout. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  return (
    <Dropdown
      wrapperClassName="it-user-wrapper"
      toggleClassName="btn btn-primary btn-icon btn-full"
      srPrefix={`${t("header.userMenu")}: `}
      label={
        <>
          <span className="rounded-icon">
            <Icon name="user" className="icon-primary" />
          </span>
          <span className="d-none d-lg-block">{me.user.displayName}</span>
        </>
      }
    >
      {(close) => (
        <>
          <li>
            <Link className="dropdown-item list-item" to="/profilo" onClick={close}>
              <span>{t("header.profile")}</span>
            </Link>
          </li>
          <li>
            <button
              type="button"
              className="dropdown-item list-item btn-logout"
              disabled={logout.isPending}
              onClick={() => logout.mutate()}
            >
              <Icon name="logout" className="icon-sm me-2" />
              <span>{t("header.logout")}</span>
            </button>
          </li>
        </>
      )}
    </Dropdown>
  );
}
