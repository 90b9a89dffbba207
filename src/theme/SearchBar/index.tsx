// The navbar's `search` item renders @theme/SearchBar; the guide's own lives in src/features/search.
export {default} from '@site/src/features/search/SearchBar';
