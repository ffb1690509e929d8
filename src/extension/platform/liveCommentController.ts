// A comment controller that is made again when the workbench has forgotten it.
//
// Every extension host the workbench starts clears the workbench's comment controllers of all hosts when it starts
// (MainThreadComments' constructor calls ICommentService.unregisterCommentController() with no owner, which clears
// them all; seen in VS Code 1.139 as code-server ships it). Where two hosts run, as in code-server and Codespaces (the
// browser's web worker host and the remote Node host), the one that starts second forgets the controllers the first
// had made: from then on VS Code neither asks that controller for commenting ranges nor draws its threads. Sift's
// discussion threads went missing after a page reload that way (README, "Sift in the browser").
//
// The sign is that VS Code stops asking: after the commenting range provider is set again (which makes VS Code ask
// for the ranges of every editor), a controller it still knows is asked within moments. When it is not asked within
// `waitMs`, the controller is made again (disposed first: the new one has the same owner id, which the old one's
// unregistering would otherwise remove), and `onRemade` draws its threads anew.
import * as vscode from 'vscode';
import { Disposable, toDisposable } from './lifecycle';

export class LiveCommentController extends Disposable {
  private current: vscode.CommentController;
  private askedSinceNudge = true;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private remakes = 0;

  /**
   * `make` builds the controller (through the comment factory) with its options and ranges provider; `onRemade` runs
   * after the controller was made again, to draw its threads on it.
   */
  constructor(private readonly make: () => vscode.CommentController, private readonly onRemade: () => void, readonly waitMs = 5000, private readonly maxRemakes = 3) {
    super();
    this.current = make();
    this._register(toDisposable(() => {
      if (this.timer) clearTimeout(this.timer);
      this.current.dispose();
    }));
  }

  get controller(): vscode.CommentController {
    return this.current;
  }

  /** How many times the controller was made again (for the log and tests). */
  get remade(): number {
    return this.remakes;
  }

  /** To be called on every request VS Code makes for commenting ranges: VS Code still knows the controller. */
  asked(): void {
    this.askedSinceNudge = true;
  }

  /**
   * Makes VS Code ask for the commenting ranges again (`provider` set anew). If it has not asked within `waitMs`
   * while `stillBehind()` holds, the controller is made again, at most `maxRemakes` times; `canRemake()` false (a
   * thread opened for a first comment, say) puts that off to the next nudge.
   */
  nudge(provider: vscode.CommentingRangeProvider, stillBehind: () => boolean, canRemake: () => boolean): void {
    this.askedSinceNudge = false;
    this.current.commentingRangeProvider = provider;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.isDisposed || this.askedSinceNudge || !stillBehind() || !canRemake() || this.remakes >= this.maxRemakes) return;
      this.remakes++;
      this.current.dispose();
      this.current = this.make();
      this.askedSinceNudge = true;
      this.onRemade();
    }, this.waitMs);
  }
}
