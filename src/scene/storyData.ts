/** The presenter's story, bundled with the app (no request at the venue). Checked by `npm run data`. */
import storyJson from '../../data/story.json';
import { decodeStory, type Story } from './story';

export const STORY: Story = decodeStory(storyJson);
