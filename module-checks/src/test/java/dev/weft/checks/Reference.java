package dev.weft.checks;

/**
 * One use of a library class, method or field by a module class: the class (internal name), and for a member its
 * name and descriptor, as the JVM resolves it at run time.
 */
record Reference(String owner, String member, String descriptor, Kind kind) {

  enum Kind {
    CLASS,
    METHOD,
    FIELD
  }

  static Reference toClass(String owner) {
    return new Reference(owner, null, null, Kind.CLASS);
  }

  static Reference toMethod(String owner, String name, String descriptor) {
    return new Reference(owner, name, descriptor, Kind.METHOD);
  }

  static Reference toField(String owner, String name, String descriptor) {
    return new Reference(owner, name, descriptor, Kind.FIELD);
  }

  @Override
  public String toString() {
    String type = owner.replace('/', '.');
    return kind == Kind.CLASS ? type : type + "#" + member + descriptor;
  }
}
