import './global.css';
import { configFromSearch } from './config';
import { mount } from './mount';

const container = document.getElementById('app');
if (container) {
  const c = configFromSearch(window.location.search);
  mount(container, c);
}
