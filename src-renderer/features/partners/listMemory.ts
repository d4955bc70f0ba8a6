import { defaultListState, type ListState } from './viewState';

/**
 * The list's sort, filters, columns and search while the app runs, so going into a partner
 * and back returns to the same list. UI state only: it is not saved (saved views are).
 */
let remembered: ListState = defaultListState;

export const rememberedListState = (): ListState => remembered;
export const rememberListState = (s: ListState): void => {
  remembered = s;
};
