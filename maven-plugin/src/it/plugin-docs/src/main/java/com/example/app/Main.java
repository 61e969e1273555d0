package com.example.app;

import com.example.petstore.Petstore;
import com.example.petstore.model.Pet;
import io.discogen.runtime.ClientOptions;

/** Compiles against the generated client, as a user's code would. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Petstore petstore = new Petstore(ClientOptions.builder().build());
    Pet pet = petstore.pets().getPet("rex").execute();
    System.out.println(pet.getName() + " " + pet.getKind());
  }
}
