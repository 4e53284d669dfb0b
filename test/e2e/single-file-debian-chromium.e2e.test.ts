import { singleFileJourneysIn } from './support/single-file-journeys';

singleFileJourneysIn('debian-chromium');
