import { Route, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { ContactPage } from '../features/contacts/ContactPage';
import { ContactsList } from '../features/contacts/ContactsList';
import { EventPage } from '../features/events/EventPage';
import { EventsList } from '../features/events/EventsList';
import { More } from '../features/more/More';
import { Article } from '../features/news/Article';
import { NewsList } from '../features/news/NewsList';
import { SavedPage } from '../features/saved/SavedPage';
import { Layout } from './Layout';
import { NotFound } from './NotFound';

// Search (and MiniSearch with it) is its own chunk, fetched the first time search opens.
const SearchPage = lazy(() =>
  import('../features/search/SearchPage').then((m) => ({ default: m.SearchPage })),
);

/** Every address of the app. Item pages take a slug or an id. */
export function App() {
  return (
    <Router root={Layout}>
      <Route path={['/', '/news']} component={NewsList} />
      <Route path="/news/:key" component={Article} />
      <Route path="/events" component={EventsList} />
      <Route path="/events/:key" component={EventPage} />
      <Route path="/contacts" component={ContactsList} />
      <Route path="/contacts/:key" component={ContactPage} />
      <Route path="/saved" component={SavedPage} />
      <Route path="/more" component={More} />
      <Route path="/search" component={SearchPage} />
      <Route path="*404" component={NotFound} />
    </Router>
  );
}
