// The message shown on the sign-in page after a sign-out ("You were signed out after 15 minutes of
// inactivity"). Kept in memory, not in router state, because the sign-in redirect of the protected
// routes can replace the navigation that carried it.
let notice: string | null = null;

export const setSignInNotice = (text: string | null) => {
  notice = text;
};
export const getSignInNotice = () => notice;
