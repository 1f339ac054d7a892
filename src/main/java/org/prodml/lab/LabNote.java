package org.prodml.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One note open in the lab: its session (one pipeline) and its own thread, so its paragraphs run
 * one at a time and in order, while a long paragraph of one note never blocks another note. Only
 * that thread touches the open note; pages read a copy it takes after each change.
 */
final class LabNote implements AutoCloseable {
  /** Where a paragraph is, as Zeppelin names it. */
  static final String READY = "READY";

  static final String PENDING = "PENDING";
  static final String RUNNING = "RUNNING";
  static final String FINISHED = "FINISHED";
  static final String ERROR = "ERROR";
  static final String ABORT = "ABORT";

  private final String id;
  private final OpenNote open;
  private final ExecutorService thread;
  private final Map<String, String> statuses = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<String>> done = new ConcurrentHashMap<>();
  private volatile Batch batch;
  private volatile ObjectNode snapshot;

  /** Paragraphs queued together (Run all from here): cancelling one stops the rest. */
  private static final class Batch {
    volatile boolean cancelled;
  }

  LabNote(String id, OpenNote open) {
    this.id = id;
    this.open = open;
    this.thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "lab-note-" + id);
              t.setDaemon(true);
              return t;
            });
    this.snapshot = open.note().deepCopy();
  }

  /** Runs the {@code %md} paragraphs at once, so the page opens with its text rendered. */
  void renderMarkdown() {
    for (JsonNode p : open.note().path("paragraphs")) {
      if (p.path("text").asText("").stripLeading().startsWith("%md") && !p.has("results")) {
        submit(List.of(p.path("id").asText("")));
      }
    }
  }

  /** The note with its latest results, as of the last change the note's thread made. */
  ObjectNode note() {
    return snapshot;
  }

  /** A new text for a paragraph, applied on the note's thread, before anything queued after it. */
  void setText(String paragraphId, String text) {
    statuses.put(paragraphId, READY);
    onThread(() -> open.setText(paragraphId, text));
  }

  /** New form values for a paragraph, applied on the note's thread. */
  void setForms(String paragraphId, Map<String, String> values) {
    onThread(() -> open.setForms(paragraphId, values));
  }

  /**
   * A new paragraph after another (at the end when {@code after} is null), on the note's thread.
   */
  void insert(String after, ObjectNode paragraph) {
    onThread(
        () -> {
          var paragraphs =
              (com.fasterxml.jackson.databind.node.ArrayNode) open.note().withArray("paragraphs");
          int at = paragraphs.size();
          for (int i = 0; i < paragraphs.size(); i++) {
            if (paragraphs.get(i).path("id").asText("").equals(after)) {
              at = i + 1;
            }
          }
          paragraphs.insert(at, paragraph.deepCopy());
        });
  }

  private void onThread(Runnable change) {
    thread.submit(
        () -> {
          change.run();
          snapshot = open.note().deepCopy();
        });
  }

  /**
   * Queues the paragraphs to run in order; after one fails the rest do not run, as Zeppelin's "run
   * all" stops.
   */
  void submit(List<String> paragraphIds) {
    Batch queued = new Batch();
    batch = queued;
    for (String p : paragraphIds) {
      statuses.put(p, PENDING);
      done.put(p, new CompletableFuture<>());
    }
    thread.submit(
        () -> {
          boolean stopped = false;
          for (String p : paragraphIds) {
            if (stopped || queued.cancelled) {
              finish(p, stopped ? READY : ABORT);
              continue;
            }
            statuses.put(p, RUNNING);
            String status;
            try {
              OpenNote.Outcome outcome = open.run(p);
              status = queued.cancelled ? ABORT : outcome.ok() ? FINISHED : ERROR;
            } catch (RuntimeException e) {
              status = ERROR;
            }
            snapshot = open.note().deepCopy();
            finish(p, status);
            stopped = status.equals(ERROR);
          }
        });
  }

  private void finish(String paragraphId, String status) {
    statuses.put(paragraphId, status);
    CompletableFuture<String> future = done.get(paragraphId);
    if (future != null) {
      future.complete(status);
    }
  }

  /** Waits until the paragraph is no longer queued or running, at most that long. */
  void await(String paragraphId, long millis) {
    CompletableFuture<String> future = done.get(paragraphId);
    if (future == null) {
      return;
    }
    try {
      future.get(millis, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      // the caller reports it as still running
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Stops the running paragraph (through its interpreter's cancel) and drops the queued ones. */
  void cancel(String paragraphId) {
    Batch current = batch;
    if (current != null) {
      current.cancelled = true;
    }
    statuses.forEach(
        (p, s) -> {
          if (s.equals(RUNNING)) {
            open.cancel(p);
          }
        });
  }

  String status(String paragraphId, String otherwise) {
    return statuses.getOrDefault(paragraphId, otherwise);
  }

  Map<String, String> statuses() {
    return Map.copyOf(statuses);
  }

  int progress(String paragraphId) {
    return RUNNING.equals(statuses.get(paragraphId)) ? open.progress(paragraphId) : 0;
  }

  List<OpenNote.Completion> completion(String paragraphId, String text, int cursor) {
    return open.completion(paragraphId, text, cursor);
  }

  String id() {
    return id;
  }

  /** Stops what runs, waits a little for it, and closes the session. */
  @Override
  public void close() {
    cancel("");
    thread.shutdown();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread.shutdownNow();
    open.close();
  }
}
