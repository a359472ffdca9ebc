package dev.vial.files;

import java.io.IOException;

/** Where a mount's files come from. Names given to it have passed {@link PathGuard}. */
interface FileSource {

  /** What a lookup found. */
  sealed interface Found permits Missing, Folder, Regular {}

  /** Nothing of that name (or something the source refuses, such as a symlink leaving the root). */
  record Missing() implements Found {}

  /** A folder: the mount looks for its index file. */
  record Folder() implements Found {}

  /** A regular file. */
  record Regular(StaticFile file) implements Found {}

  /** The shared answers without state. */
  Found MISSING = new Missing();
  /** The shared answer for folders. */
  Found FOLDER = new Folder();

  /** Looks up {@code name} ({@code ""} is the root folder). */
  Found find(String name) throws IOException;
}
