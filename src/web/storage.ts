/** localStorage that never throws (private browsing, disabled storage). */
export const storage = {
  get(key: string): string | null {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string): void {
    try {
      window.localStorage.setItem(key, value);
    } catch {
      // Not remembered: harmless.
    }
  },
};

export const LAST_AMBITO_KEY = "filiera.ambito";
export const LANGUAGE_KEY = "filiera.lang";
