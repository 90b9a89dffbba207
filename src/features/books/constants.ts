/** Where the books are, below the locale's root. */
export const BOOK_DIR = 'books';

/** container-networking-guide-en.pdf: the locale in the name, so that both books can sit in one download folder. */
export const bookFile = (locale: string, format: 'pdf' | 'epub') => `container-networking-guide-${locale}.${format}`;

/** What the plugin tells the pages: the books' addresses, or undefined when the build could not make them. */
export interface BooksData {
  pdf: string | undefined;
  epub: string | undefined;
}
